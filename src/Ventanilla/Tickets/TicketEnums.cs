namespace Ventanilla.Tickets;

// Enum members travel as snake_case text (in JSON and in the database), so renaming one is a
// breaking change for integrators and stored rows alike.

public enum TicketKind { Fault, Query, Doubt, Clarification, Complaint, Suggestion, Cancellation, Other, PrivacyRequest }

public enum ContactChannel { Phone, Email, Web, Whatsapp, InPerson, Api }

public enum TicketStatus
{
    Registered,
    InProgress,
    Diagnosing,
    VisitScheduled,
    WaitingOnSubscriber,
    Routed,
    Resolved,
    Notified,
    Closed,
    Reopened,
    Cancelled,
}

public enum TicketPriority { Low, Normal, High, Urgent }

/// <summary>What the subscriber said after being told the cause and the fix.</summary>
public enum SubscriberConfirmation { Confirmed, NotFixed, NoAnswer }

public enum TimelineEntryType
{
    Created,
    MessageIn,
    MessageOut,
    Note,
    StatusChanged,
    Assigned,
    FieldChanged,
    ResolutionRecorded,
    SubscriberLinked,
    AttachmentAdded,
    AttachmentRejected,
    VisitChanged,
    NotificationQueued,
    OutcomeRecorded,
    ReadyToNotify,
    OutageLinked,
    OutageUnlinked,
    ServiceChanged,
}
