namespace Ventanilla.Tickets;

// Requests take enums as text so that an unknown value is a field error in Spanish, not a parse failure.

public sealed record CreateTicketRequest(
    string? Kind,
    string? Channel,
    string? Subject,
    string? Description,
    string? Address,
    ContactRequest? Subscriber,
    DateTime? ReportedAt = null,
    string? Priority = null);

public sealed record ContactRequest(string? AccountNumber, string? Name, string? Phone, string? Email);

public sealed record NoteRequest(string? Text);

public sealed record StatusRequest(string? Status, string? Reason = null, string? DuplicateOf = null, string? Confirmation = null);

/// <summary>A resolution; <c>causeId</c> picks the cause from the provider's catalogue instead of writing it.</summary>
public sealed record ResolutionRequest(string? Cause, string? Correction, bool? Upheld, DateTime? ServiceRestoredAt = null, int? CauseId = null);

public sealed record AssignmentRequest(string? Area = null, string? CustomerServiceOwner = null, string? TechnicalLead = null, string? Priority = null);

public sealed record LinkSubscriberRequest(long? SubscriberId);

public sealed record TicketResponse(
    string Folio,
    TicketKind Kind,
    ContactChannel Channel,
    TicketStatus Status,
    TicketPriority Priority,
    string Subject,
    string Description,
    string? Address,
    SubscriberSummary? Subscriber,
    ContactInfo Contact,
    string? Area,
    string? CustomerServiceOwner,
    string? TechnicalLead,
    DateTime ReportedAt,
    DateTime CreatedAt,
    DateTime LastActivityAt,
    DateTime? ServiceRestoredAt,
    DateTime? DueAt,
    ResolutionResponse? Resolution,
    DateTime? NotifiedAt,
    DateTime? ClosedAt,
    SubscriberConfirmation? Confirmation,
    string? CancellationReason,
    string? DuplicateOf,
    int Version,
    IReadOnlyList<TicketStatus> AllowedStatuses,
    IReadOnlyList<TimelineEntryResponse>? Timeline)
{
    public static TicketResponse From(Ticket t, bool withTimeline) => new(
        t.Folio, t.Kind, t.Channel, t.Status, t.Priority, t.Subject, t.Description, t.ServiceAddress,
        t.Subscriber is { } s ? new SubscriberSummary(s.Id, s.AccountNumber, s.FullName) : null,
        t.Contact, t.Area?.Code, t.CustomerServiceOwnerId, t.TechnicalLeadId,
        t.ReportedAt, t.CreatedAt, t.LastActivityAt, t.ServiceRestoredAt, t.DueAt,
        t.Resolution is { } r ? new ResolutionResponse(r.Cause, r.Correction, r.Upheld, r.ResolvedByName, r.ResolvedAt) : null,
        t.NotifiedAt, t.ClosedAt, t.Confirmation, t.CancellationReason, t.DuplicateOfFolio, t.Version,
        TicketLifecycle.AllowedFrom(t.Status, t.Kind),
        withTimeline ? t.Timeline.OrderBy(e => e.At).ThenBy(e => e.Id).Select(TimelineEntryResponse.Of).ToArray() : null);
}

public sealed record SubscriberSummary(long Id, string? AccountNumber, string Name);

public sealed record ResolutionResponse(string Cause, string Correction, bool Upheld, string ResolvedBy, DateTime ResolvedAt);

public sealed record TimelineEntryResponse(
    DateTime At,
    TimelineEntryType Type,
    string Actor,
    ContactChannel? Channel,
    string? Body,
    string? Field,
    string? From,
    string? To)
{
    public static TimelineEntryResponse Of(TimelineEntry e) =>
        new(e.At, e.Type, e.ActorName, e.Channel, e.Body, e.Field, e.From, e.To);
}

public sealed record TicketSummary(
    string Folio,
    TicketKind Kind,
    ContactChannel Channel,
    TicketStatus Status,
    TicketPriority Priority,
    string Subject,
    string? Name,
    string? Area,
    DateTime ReportedAt,
    DateTime LastActivityAt);

public sealed record TicketPage(IReadOnlyList<TicketSummary> Items, int Page, int PageSize, bool HasMore);
