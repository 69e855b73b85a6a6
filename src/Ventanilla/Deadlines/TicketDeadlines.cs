using Ventanilla.Tickets;

namespace Ventanilla.Deadlines;

/// <summary>When a ticket's clocks run.</summary>
public static class TicketDeadlines
{
    /// <summary>Statuses in which the resolution clock still runs.</summary>
    public static bool ClockRuns(TicketStatus status) =>
        status is not (TicketStatus.Resolved or TicketStatus.Notified or TicketStatus.Closed or TicketStatus.Cancelled);
}
