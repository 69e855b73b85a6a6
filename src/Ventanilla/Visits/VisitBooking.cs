using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Messaging.Notifications;
using Ventanilla.Provider;
using Ventanilla.Staff;
using Ventanilla.Tickets;

namespace Ventanilla.Visits;

/// <summary>
/// Books home visits without double-booking a technician. The check and the insert run in one
/// transaction that first takes the technician's day row, so two leads booking the same
/// technician at once are served one after the other and the second sees the first's visit.
/// </summary>
public sealed class VisitBooking(VentanillaDbContext db, Notifier notifier, ProviderDirectory provider)
{
    // One statement on both databases: create the day's row or bump it, which locks it until commit.
    private const string LockDaySql =
        "INSERT INTO technician_days (technician_id, day, bookings) VALUES ({0}, {1}, 1) " +
        "ON CONFLICT (technician_id, day) DO UPDATE SET bookings = technician_days.bookings + 1";

    private const string Savepoint = "visit_booking";

    public static readonly string[] TechnicianRoles = [Roles.Technician];

    public TimeZoneInfo Zone => provider.Current.Zone;

    /// <summary>Books <paramref name="window"/> for the ticket and saves; answers why not, or the new visit.</summary>
    public async Task<(Visit? Visit, RuleViolation? Violation)> BookAsync(Ticket ticket, StaffMember technician, VisitWindow window,
        Visit? replaces, Actor actor, DateTime now, CancellationToken ct = default)
    {
        if (replaces is not null && replaces.MarkRescheduled(now) is { } notMovable)
        {
            return (null, Refusal(ticket, notMovable));
        }

        // A request with an Idempotency-Key already runs in a transaction that also stores its answer:
        // the booking joins it, and a refused booking undoes only its own part, back to a savepoint.
        var ambient = db.Database.CurrentTransaction;
        await using var own = ambient is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (ambient is not null)
        {
            await ambient.CreateSavepointAsync(Savepoint, ct);
        }

        async Task UndoAsync()
        {
            if (own is not null)
            {
                await own.RollbackAsync(ct);
            }
            else
            {
                await ambient!.RollbackToSavepointAsync(Savepoint, ct);
            }
        }

        await db.Database.ExecuteSqlRawAsync(LockDaySql, [technician.Id, window.Day], ct);
        var ignored = replaces?.Id ?? 0;
        var clash = await db.Set<Visit>().AsNoTracking()
            .Where(v => v.TechnicianId == technician.Id && v.Day == window.Day && v.Id != ignored && Visit.Holding.Contains(v.Status))
            .Where(v => v.StartsAt < window.EndsAt && window.StartsAt < v.EndsAt)
            .FirstOrDefaultAsync(ct);
        if (clash is not null)
        {
            await UndoAsync();
            return (null, Refusal(ticket, $"{technician.Name} ya tiene una visita {VisitWindow.Describe(clash.StartsAt, clash.EndsAt, Zone)}, que se cruza con la que quieres programar. Elige otro horario u otro técnico."));
        }

        var visit = new Visit(ticket.Id, technician.Id, window, actor.Id, now, replaces?.Id);
        var described = VisitWindow.Describe(window.StartsAt, window.EndsAt, Zone);
        if (ticket.RecordVisitScheduled(visit, technician.Name, described, replaces, actor, now) is { } violation)
        {
            await UndoAsync();
            return (null, violation);
        }

        db.Add(visit);
        await notifier.QueueAsync(ticket, NotificationEvents.VisitScheduled, actor, now, described, ct);
        await db.SaveChangesAsync(ct);
        if (own is not null)
        {
            await own.CommitAsync(ct);
        }

        return (visit, null);
    }

    /// <summary>The technician's report, with its notice when the visit could not be made.</summary>
    public async Task ReportAsync(Ticket ticket, Visit visit, Actor actor, DateTime now, CancellationToken ct = default)
    {
        ticket.RecordVisitReport(visit, actor, now);
        if (visit.Status == VisitStatus.Missed)
        {
            await notifier.QueueAsync(ticket, NotificationEvents.VisitMissed, actor, now,
                VisitWindow.Describe(visit.StartsAt, visit.EndsAt, Zone), ct);
        }
    }

    private static RuleViolation Refusal(Ticket ticket, string message) =>
        new(message, ticket.Status, TicketLifecycle.AllowedFrom(ticket.Status, ticket.Kind), []);
}
