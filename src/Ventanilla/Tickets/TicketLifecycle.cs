using System.Collections.Frozen;
using static Ventanilla.Tickets.TicketStatus;

namespace Ventanilla.Tickets;

/// <summary>The provider's procedure as a state machine: which status may follow which.</summary>
public static class TicketLifecycle
{
    private static readonly TicketStatus[] Working = [InProgress, Diagnosing, VisitScheduled, WaitingOnSubscriber, Routed];

    private static readonly FrozenDictionary<TicketStatus, TicketStatus[]> Next = new Dictionary<TicketStatus, TicketStatus[]>
    {
        [Registered] = [InProgress, Routed, Resolved, Cancelled],
        [InProgress] = [Diagnosing, VisitScheduled, WaitingOnSubscriber, Routed, Resolved, Cancelled],
        [Diagnosing] = [InProgress, VisitScheduled, WaitingOnSubscriber, Resolved, Cancelled],
        [VisitScheduled] = [InProgress, Diagnosing, WaitingOnSubscriber, Resolved, Cancelled],
        [WaitingOnSubscriber] = [InProgress, Diagnosing, VisitScheduled, Routed, Resolved, Cancelled],
        [Routed] = [InProgress, WaitingOnSubscriber, Resolved, Cancelled],
        [Resolved] = [Notified, Closed, InProgress],
        [Notified] = [Closed, Reopened],
        [Closed] = [Reopened],
        [Reopened] = [.. Working, Resolved, Cancelled],
        [Cancelled] = [],
    }.ToFrozenDictionary();

    /// <summary>Kinds that need no technical work and may be answered straight from intake.</summary>
    public static bool NeedsNoTechnicalWork(TicketKind kind) =>
        kind is TicketKind.Query or TicketKind.Doubt or TicketKind.Suggestion;

    /// <summary>Kinds that are turned over to the area that owns them.</summary>
    public static bool CanBeRouted(TicketKind kind) =>
        kind is TicketKind.Complaint or TicketKind.Clarification or TicketKind.Cancellation or TicketKind.Other or TicketKind.PrivacyRequest;

    /// <summary>Faults are closed only after the cause was told to the subscriber.</summary>
    public static bool NeedsNotificationToClose(TicketKind kind) => kind == TicketKind.Fault;

    public static IReadOnlyList<TicketStatus> AllowedFrom(TicketStatus current, TicketKind kind) =>
        Next[current].Where(to => IsAllowedFor(current, to, kind)).ToArray();

    public static bool IsAllowed(TicketStatus from, TicketStatus to, TicketKind kind) =>
        Next[from].Contains(to) && IsAllowedFor(from, to, kind);

    private static bool IsAllowedFor(TicketStatus from, TicketStatus to, TicketKind kind) => (from, to) switch
    {
        (Registered, Resolved) => NeedsNoTechnicalWork(kind),
        (_, Routed) => CanBeRouted(kind),
        (Resolved, Closed) => !NeedsNotificationToClose(kind),
        _ => true,
    };

    public static bool IsOpen(TicketStatus status) => status is not (Closed or Cancelled);
}
