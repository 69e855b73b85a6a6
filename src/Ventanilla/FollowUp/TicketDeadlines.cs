using Ventanilla.Tickets;

namespace Ventanilla.FollowUp;

/// <summary>
/// The resolution clock of a ticket under the provider's rules: when it is due, and from when it
/// is at risk, so that queues can find both with a plain index lookup.
/// </summary>
public static class TicketDeadlines
{
    public static (DateTime Due, DateTime AtRisk)? For(Ticket ticket, DeadlineRules rules, string timeZoneId)
    {
        var rule = rules.Find(ticket.Kind, DeadlineKind.Resolution, ticket.Area?.Code, ticket.Priority);
        if (rule is null)
        {
            return null;
        }

        // Business terms count the authority's business days; calendar terms run day and night.
        var calendar = rule.IsInBusinessTime
            ? BusinessCalendar.MexicanBusinessDays(timeZoneId)
            : BusinessCalendar.AlwaysOpen(timeZoneId);
        var due = Deadline.Compute(rule, ticket.ReportedAt, calendar, []) ?? ticket.ReportedAt;
        var allowed = calendar.BusinessTimeBetween(ticket.ReportedAt, due);
        var atRisk = calendar.AddBusinessTime(ticket.ReportedAt, allowed * Deadline.DefaultAtRiskAt);
        return (due, atRisk);
    }

    /// <summary>Statuses in which the resolution clock still runs.</summary>
    public static bool ClockRuns(TicketStatus status) =>
        status is not (TicketStatus.Resolved or TicketStatus.Notified or TicketStatus.Closed or TicketStatus.Cancelled);
}
