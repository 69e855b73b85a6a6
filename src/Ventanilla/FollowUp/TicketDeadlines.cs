using Ventanilla.Tickets;

namespace Ventanilla.FollowUp;

/// <summary>
/// The resolution clock of a ticket under the provider's rules: when it is due, and from when it
/// is at risk, so that queues can find both with a plain index lookup.
/// </summary>
public static class TicketDeadlines
{
    // Calendars are immutable and every ticket of a zone uses the same two: build each once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(bool Business, string Zone), BusinessCalendar> Calendars = new();

    public static (DateTime Due, DateTime AtRisk)? For(Ticket ticket, DeadlineRules rules, string timeZoneId) =>
        For(ticket.Kind, ticket.Area?.Code, ticket.Priority, ticket.ReportedAt, rules, timeZoneId);

    public static (DateTime Due, DateTime AtRisk)? For(
        TicketKind kind, string? areaCode, TicketPriority priority, DateTime reportedAt, DeadlineRules rules, string timeZoneId)
    {
        var rule = rules.Find(kind, DeadlineKind.Resolution, areaCode, priority);
        if (rule is null)
        {
            return null;
        }

        // Business terms count the authority's business days; calendar terms run day and night.
        var calendar = Calendars.GetOrAdd((rule.IsInBusinessTime, timeZoneId), key => key.Business
            ? BusinessCalendar.MexicanBusinessDays(key.Zone)
            : BusinessCalendar.AlwaysOpen(key.Zone));
        var due = Deadline.Compute(rule, reportedAt, calendar, []) ?? reportedAt;
        var allowed = calendar.BusinessTimeBetween(reportedAt, due);
        var atRisk = calendar.AddBusinessTime(reportedAt, allowed * Deadline.DefaultAtRiskAt);
        return (due, atRisk);
    }

    /// <summary>Statuses in which the resolution clock still runs.</summary>
    public static bool ClockRuns(TicketStatus status) =>
        status is not (TicketStatus.Resolved or TicketStatus.Notified or TicketStatus.Closed or TicketStatus.Cancelled);
}
