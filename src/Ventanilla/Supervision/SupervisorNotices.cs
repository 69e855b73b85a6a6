using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ventanilla.Data;
using Ventanilla.Deadlines.Rules;
using Ventanilla.Hosting;
using Ventanilla.Messaging;
using Ventanilla.Messaging.Notifications;
using Ventanilla.Provider;
using Ventanilla.Staff;
using Ventanilla.Tickets;

namespace Ventanilla.Supervision;

/// <summary>
/// Tells supervisors, by email through the outbox and on the supervision page, when a ticket's
/// resolution clock turns at risk and when it runs out; and, unless the provider turns it off, the
/// subscriber too, with the event's template on their channel. Each notice is recorded per ticket
/// in the same transaction as its messages, and the record is unique, so nobody is told twice.
/// </summary>
public sealed class SupervisorNotices(IServiceScopeFactory scopes, ProviderDirectory provider, IOptions<FollowUpOptions> options, TimeProvider clock,
    ILogger<SupervisorNotices> log) : PeriodicJob(clock, log)
{
    protected override TimeSpan Interval => options.Value.JobInterval;

    // Batches until nobody is left to tell. Nothing of a failed batch is kept, so the next pass tries it again.
    protected override async Task RunPassAsync(CancellationToken ct)
    {
        while (await RunBatchAsync(ct) > 0 && !ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>Sends one batch of notices; answers how many tickets it covered.</summary>
    public async Task<int> RunBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        var notifier = scope.ServiceProvider.GetRequiredService<Notifier>();
        var now = Clock.GetUtcNow().UtcDateTime;
        var since = now - options.Value.NoticeLookback;
        var batch = options.Value.BatchSize;
        var notices = db.Set<DeadlineNotice>();

        // Both bounded by an indexed time range; clocks that stopped (resolved and later) are left out.
        var overdue = await db.Tickets.ClockRunning().Include(t => t.Subscriber)
            .Where(t => t.DueAt <= now && t.DueAt > since)
            .Where(t => !notices.Any(n => n.TicketId == t.Id && n.Kind == NoticeKind.Overdue))
            .OrderBy(t => t.DueAt).Take(batch)
            .ToListAsync(ct);
        var atRisk = await db.Tickets.ClockRunning().Include(t => t.Subscriber)
            .Where(t => t.AtRiskAt <= now && t.AtRiskAt > since && t.DueAt > now)
            .Where(t => !notices.Any(n => n.TicketId == t.Id && n.Kind == NoticeKind.AtRisk))
            .OrderBy(t => t.AtRiskAt).Take(batch)
            .ToListAsync(ct);
        var due = overdue.Select(t => (Ticket: t, Due: new Due(t.Id, t.Folio, t.Kind, t.DueAt!.Value, NoticeKind.Overdue)))
            .Concat(atRisk.Select(t => (Ticket: t, Due: new Due(t.Id, t.Folio, t.Kind, t.DueAt!.Value, NoticeKind.AtRisk))))
            .ToList();
        if (due.Count == 0)
        {
            return 0;
        }

        var supervisors = await db.Users
            .Where(u => u.Email != null && db.UserRoles.Any(ur => ur.UserId == u.Id
                && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Supervisor)))
            .Select(u => u.Email!)
            .ToListAsync(ct);
        var zone = provider.Current.Zone;
        foreach (var (ticket, item) in due)
        {
            var text = TextOf(item, zone);
            notices.Add(new DeadlineNotice(item.TicketId, item.Notice, item.DueAt, text, now));
            foreach (var email in supervisors)
            {
                db.Outbox.Add(OutboxMessage.Queue(ticket, ContactChannel.Email, OutboxKind.Notification, email,
                    SubjectOf(item), text, now).About(item.Notice == NoticeKind.AtRisk ? "deadline_at_risk" : "deadline_overdue", item.Folio));
            }

            if (options.Value.TellSubscribersAboutDeadlines)
            {
                var eventName = item.Notice == NoticeKind.AtRisk ? NotificationEvents.DeadlineAtRisk : NotificationEvents.DeadlineBreached;
                await notifier.QueueAsync(ticket, eventName, Actor.System, now, ct: ct);
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node recorded some of these notices first, or someone changed one of the
            // tickets meanwhile: nothing of this batch was kept, and the next tick tries again.
            return 0;
        }

        return due.Count;
    }

    public static string SubjectOf(Due item) => item.Notice == NoticeKind.AtRisk
        ? $"[Folio {item.Folio}] Por vencer el plazo de solución"
        : $"[Folio {item.Folio}] Venció el plazo de solución";

    public static string TextOf(Due item, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(item.DueAt, DateTimeKind.Utc), zone);
        var when = local.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
        var kind = SpanishLabels.Of(item.Kind);
        return item.Notice == NoticeKind.AtRisk
            ? $"El folio {item.Folio} ({kind}) está por vencer: su plazo de solución termina el {when}. Revisa que alguien lo esté atendiendo."
            : $"El folio {item.Folio} ({kind}) venció: su plazo de solución terminó el {when} y sigue sin resolverse.";
    }

    public sealed record Due(long TicketId, string Folio, TicketKind Kind, DateTime DueAt, NoticeKind Notice);
}
