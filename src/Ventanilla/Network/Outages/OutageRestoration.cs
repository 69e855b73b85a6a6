using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ventanilla.Data;
using Ventanilla.Hosting;
using Ventanilla.Messaging.Notifications;
using Ventanilla.Provider;
using Ventanilla.Tickets;

namespace Ventanilla.Network.Outages;

/// <summary>
/// What a restored outage does to its child reports. Each open child that arrived before the
/// restoration gets the outage's cause as its technical resolution (upheld when the provider is to
/// blame) and the ordinary closing notice, worded "¿ya tienes servicio?", so the subscriber's answer
/// runs the existing closure flow on whatever channel it comes. A child that arrived after the
/// restoration, and one whose subscriber answered that it still fails (reopened), is split off the
/// outage and goes on as an ordinary fault with its own clocks. Every pass only picks children in
/// those states, so running it again changes nothing.
/// </summary>
public sealed class OutageRestoration(VentanillaDbContext db, Notifier notifier, ProviderDirectory provider, TimeProvider clock,
    ILogger<OutageRestoration> log)
{
    private const int Batch = 200;
    private static readonly TicketStatus[] Settled = [TicketStatus.Resolved, TicketStatus.Notified, TicketStatus.Closed, TicketStatus.Cancelled];

    /// <summary>One pass over every restored outage's children; answers how many reports it resolved or split off.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var outages = await db.Outages.AsNoTracking()
            .Where(o => (o.Status == OutageStatus.Restored || o.Status == OutageStatus.Closed) && o.RestoredAt != null)
            .Where(o => db.Tickets.Any(t => t.OutageId == o.Id && (t.Status == TicketStatus.Reopened || !Settled.Contains(t.Status))))
            .OrderBy(o => o.Id).ToListAsync(ct);
        var handled = 0;
        foreach (var outage in outages)
        {
            handled += await ChildrenOfAsync(outage, ct);
        }

        return handled;
    }

    private async Task<int> ChildrenOfAsync(Outage outage, CancellationToken ct)
    {
        var ids = await db.Tickets.Where(t => t.OutageId == outage.Id && (t.Status == TicketStatus.Reopened || !Settled.Contains(t.Status)))
            .OrderBy(t => t.Id).Select(t => t.Id).Take(Batch).ToListAsync(ct);
        var (resolved, split) = (0, 0);
        foreach (var id in ids)
        {
            db.ChangeTracker.Clear();
            var ticket = await db.Tickets.Include(t => t.Subscriber).SingleAsync(t => t.Id == id, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            if (ticket.OutageId != outage.Id)
            {
                continue;
            }

            if (ticket.Status == TicketStatus.Reopened || ticket.ReportedAt > outage.RestoredAt)
            {
                ticket.UnlinkFromOutage(ticket.Status == TicketStatus.Reopened
                    ? $"El suscriptor dijo que sigue sin servicio después de restablecerse la falla {outage.Code}: se atiende como falla ordinaria."
                    : $"El reporte llegó después de restablecerse la falla {outage.Code}: se atiende como falla ordinaria.", Actor.System, now);
                split += await SaveAsync(ticket, ct);
                continue;
            }

            if (await ResolveAsync(ticket, outage, now, ct) is { } refused)
            {
                // A child whose procedure does not allow it is split off for staff to handle, its timeline saying why; it is not tried again.
                db.ChangeTracker.Clear();
                pendingAsk = null;
                var again = await db.Tickets.SingleAsync(t => t.Id == id, ct);
                again.UnlinkFromOutage($"No se pudo resolver con la falla {outage.Code} ({refused.Message}): se atiende como falla ordinaria.", Actor.System, now);
                split += await SaveAsync(again, ct);
                continue;
            }

            resolved += await SaveAsync(ticket, ct);
        }

        if (resolved + split > 0)
        {
            db.ChangeTracker.Clear();
            var tracked = await db.Outages.SingleAsync(o => o.Id == outage.Id, ct);
            tracked.Append(OutageEntryType.Note,
                $"Restablecimiento: {resolved} reportes ligados resueltos y avisados («¿ya tienes servicio?»); {split} separados como fallas ordinarias.",
                Actor.System, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }

        return resolved + split;
    }

    /// <summary>The outage's cause as the child's resolution, and the closing notice that asks whether service is back.</summary>
    private async Task<RuleViolation?> ResolveAsync(Ticket ticket, Outage outage, DateTime now, CancellationToken ct)
    {
        // A fault is worked on before it is resolved: one just filed takes that step with the outage as its reason.
        if (ticket.Status == TicketStatus.Registered
            && ticket.ChangeStatus(new StatusChange(TicketStatus.InProgress, $"Atendido con la falla masiva {outage.Code}."), Actor.System, now) is { } notStarted)
        {
            return notStarted;
        }

        var cause = string.IsNullOrWhiteSpace(outage.Cause) ? $"Falla masiva en la red ({outage.Code}): {outage.Title}" : outage.Cause;
        var correction = $"Se restableció el servicio de la falla masiva {outage.Code} el {OutageTexts.Moment(outage.RestoredAt!.Value, provider.Current)}.";
        if (ticket.RecordResolution(cause, correction, upheld: outage.AttributableToProvider == true, outage.RestoredAt, Actor.System, now) is { } notResolved)
        {
            return notResolved;
        }

        if (ticket.Notify(Actor.System, now, $"Aviso de restablecimiento de la falla {outage.Code}.") is { } notNotified)
        {
            return notNotified;
        }

        var message = await notifier.QueueAsync(ticket, OutageEvents.ChildResolved, Actor.System, now, null, OutageTexts.Values(outage, provider.Current), ct);
        if (ticket.ServiceId is { } serviceId && message is not null
            && !await db.OutageNotices.AnyAsync(n => n.OutageId == outage.Id && n.Event == OutageNoticeEvent.AskConfirmation && n.ServiceId == serviceId, ct))
        {
            // Counted with the outage's other notices; its id is known once the message is saved, so it is recorded in SaveAsync.
            pendingAsk = (outage.Id, serviceId, ticket.SubscriberId, message);
        }

        return null;
    }

    private (long OutageId, long ServiceId, long? SubscriberId, Messaging.OutboxMessage Message)? pendingAsk;

    private async Task<int> SaveAsync(Ticket ticket, CancellationToken ct)
    {
        var ask = pendingAsk;
        pendingAsk = null;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            if (ask is { } a)
            {
                db.OutageNotices.Add(new OutageNotice(a.OutageId, OutageNoticeEvent.AskConfirmation, 1, a.ServiceId, a.SubscriberId, a.Message.Channel,
                    a.Message.Id, clock.GetUtcNow().UtcDateTime));
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
            return 1;
        }
        catch (DbUpdateException error)
        {
            // Someone changed the folio meanwhile (or another node got there first): theirs stands, and the next pass looks again.
            log.LogInformation(error, "La falla no pudo actualizar el folio {Folio}; se intenta en la siguiente pasada.", ticket.Folio);
            return 0;
        }
    }
}

/// <summary>Runs the restoration pass on a timer, one DI scope per pass.</summary>
public sealed class OutageRestorationJob(IServiceScopeFactory scopes, IOptions<OutageReachOptions> options, TimeProvider clock,
    ILogger<OutageRestorationJob> log) : PeriodicJob(clock, log)
{
    protected override TimeSpan Interval => options.Value.JobInterval;

    protected override bool RunsInBackground => options.Value.RunInBackground;

    protected override async Task RunPassAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var handled = await scope.ServiceProvider.GetRequiredService<OutageRestoration>().RunAsync(ct);
        if (handled > 0)
        {
            log.LogInformation("Resolved or split off {Count} reports of restored outages", handled);
        }
    }
}
