using Ventanilla.Tickets;

namespace Ventanilla.Deadlines.Rules;

/// <summary>
/// What the inbox, supervision, the notices and the jobs each mean by an open ticket and by a
/// clock still running, written once so a new status cannot make one of them disagree with the rest.
/// </summary>
internal static class TicketFilters
{
    /// <summary>Not closed or cancelled: still somebody's work.</summary>
    public static IQueryable<Ticket> StillOpen(this IQueryable<Ticket> tickets) =>
        tickets.Where(t => t.Status != TicketStatus.Closed && t.Status != TicketStatus.Cancelled);

    /// <summary>Open and not resolved yet: the resolution clock runs until then, so later statuses are not late.</summary>
    public static IQueryable<Ticket> ClockRunning(this IQueryable<Ticket> tickets) =>
        tickets.StillOpen().Where(t => t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Notified);

    /// <summary>Running clocks past their at-risk time and not yet due.</summary>
    public static IQueryable<Ticket> DueSoon(this IQueryable<Ticket> tickets, DateTime now) =>
        tickets.ClockRunning().Where(t => t.AtRiskAt <= now && t.DueAt >= now);

    /// <summary>Running clocks past their due time.</summary>
    public static IQueryable<Ticket> Overdue(this IQueryable<Ticket> tickets, DateTime now) =>
        tickets.ClockRunning().Where(t => t.DueAt < now);
}
