using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Ventanilla.Data;
using Ventanilla.Provider;
using Ventanilla.Tickets;

namespace Ventanilla.Deadlines.Rules;

/// <summary>
/// Keeps a ticket's clocks true whichever way it changes (the console, the API, a channel): when
/// its area or priority changes, the deadlines are worked out again; when it starts or stops
/// waiting on the subscriber, the wait is recorded and a pausing clock stops or resumes; the first
/// answer is noted. Done as the change is saved, so no form or endpoint can forget it.
/// </summary>
public sealed class ClockKeeper(FollowUpDirectory rules, ProviderDirectory provider, TimeProvider clock) : SaveChangesInterceptor
{
    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is VentanillaDbContext db)
        {
            await KeepAsync(db, cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is VentanillaDbContext db)
        {
            KeepAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    private async Task KeepAsync(VentanillaDbContext db, CancellationToken ct)
    {
        var changed = db.ChangeTracker.Entries<Ticket>().Where(e => e.State == EntityState.Modified).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in changed)
        {
            var ticket = entry.Entity;
            var status = entry.Property(t => t.Status);
            var wasStatus = status.OriginalValue;
            var statusChanged = wasStatus != ticket.Status;
            var areaChanged = entry.Property(t => t.AreaId).IsModified && entry.Property(t => t.AreaId).OriginalValue != ticket.AreaId;
            var priorityChanged = entry.Property(t => t.Priority).IsModified && entry.Property(t => t.Priority).OriginalValue != ticket.Priority;

            if (ticket.FirstRespondedAt is null)
            {
                var replied = ticket.Timeline.Where(e => e.Type == TimelineEntryType.MessageOut && e.ActorId != Actor.System.Id)
                    .Select(e => (DateTime?)e.At).Min();
                if (replied is not null || (statusChanged && wasStatus == TicketStatus.Registered))
                {
                    ticket.MarkFirstResponse(replied is { } at && at < now ? at : now);
                }
            }

            var waits = statusChanged && ticket.Status == TicketStatus.WaitingOnSubscriber;
            var resumes = statusChanged && wasStatus == TicketStatus.WaitingOnSubscriber;
            if (!waits && !resumes && !areaChanged && !priorityChanged)
            {
                continue;
            }

            var pauses = await TicketClocks.PausesAsync(db, ticket.Id, ct);
            if (waits && !pauses.Any(p => p.To is null))
            {
                var pause = new TicketPause(ticket.Id, now);
                db.Add(pause);
                pauses.Add(pause);
            }

            if (resumes)
            {
                foreach (var open in pauses.Where(p => p.To is null))
                {
                    open.End(now);
                }
            }

            var (before, after, resolution) = TicketClocks.Recompute(ticket, rules.Current.AreaCode(ticket.AreaId), rules.Current, [.. pauses.Select(p => p.Span)]);
            var zone = provider.Current.Zone;
            if (resolution?.Rule.PausesWhileWaitingOnSubscriber == true && (waits || resumes))
            {
                ticket.RecordClockChange("resolutionDue", before, after, waits
                    ? "Plazo en pausa mientras se espera al suscriptor."
                    : "Plazo reanudado: el tiempo de espera del suscriptor no cuenta.", zone, now);
            }
            else if ((areaChanged || priorityChanged) && before != after)
            {
                ticket.RecordClockChange("resolutionDue", before, after, "Plazo recalculado por el cambio de área o prioridad.", zone, now);
            }
        }
    }
}
