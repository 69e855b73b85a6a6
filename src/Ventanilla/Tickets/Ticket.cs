using Ventanilla.Intake;
using Ventanilla.Staff;
using Ventanilla.Subscribers;
using Ventanilla.Tickets.Outcomes;

namespace Ventanilla.Tickets;

/// <summary>One procedure filed by a subscriber, from intake to a confirmed closure.</summary>
public sealed partial class Ticket
{
    private readonly List<TimelineEntry> timeline = [];

    private Ticket()
    {
    }

    public long Id { get; private set; }
    public string Folio { get; private set; } = "";
    public TicketKind Kind { get; private set; }
    public ContactChannel Channel { get; private set; }
    public string Subject { get; private set; } = "";
    public string Description { get; private set; } = "";
    public string? ServiceAddress { get; private set; }
    public TicketStatus Status { get; private set; }
    public TicketPriority Priority { get; private set; }

    public long? SubscriberId { get; private set; }
    public Subscriber? Subscriber { get; private set; }

    /// <summary>How to reach whoever reported it, even before they are known as a subscriber.</summary>
    public ContactInfo Contact { get; private set; } = new(null, null, null);

    public int? AreaId { get; private set; }
    public Area? Area { get; private set; }
    public string? CustomerServiceOwnerId { get; private set; }
    public string? TechnicalLeadId { get; private set; }

    /// <summary>When the subscriber reported it: deadlines and compensation count from here.</summary>
    public DateTime ReportedAt { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime LastActivityAt { get; private set; }
    public DateTime? ServiceRestoredAt { get; private set; }

    /// <summary>When the resolution is due under the provider's rules, and from when it is at risk.</summary>
    public DateTime? DueAt { get; private set; }
    public DateTime? AtRiskAt { get; private set; }

    public TechnicalResolution? Resolution { get; private set; }
    public DateTime? NotifiedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public SubscriberConfirmation? Confirmation { get; private set; }
    public DateTime? ConfirmationAt { get; private set; }

    public string? CancellationReason { get; private set; }
    public string? DuplicateOfFolio { get; private set; }

    /// <summary>Everything the search box looks through, kept in one column for the index.</summary>
    public string SearchText { get; private set; } = "";

    /// <summary>Message bodies seen so far, kept so the search text can be rebuilt without the timeline.</summary>
    public string ConversationText { get; private set; } = "";

    /// <summary>
    /// What the report was filed from (<see cref="SourceKeys"/>): unique, so the same email, WhatsApp
    /// message, API request or form submitted twice files one ticket.
    /// </summary>
    public string? SourceKey { get; private set; }

    /// <summary>Bumped on every change that another person could overwrite.</summary>
    public int Version { get; private set; }

    // The follow-up's clocks: first response beside resolution (DueAt, AtRiskAt), so queues and notices find both by index.
    /// <summary>When the first answer to the subscriber is due, and from when it is at risk.</summary>
    public DateTime? FirstResponseDueAt { get; private set; }
    public DateTime? FirstResponseAtRiskAt { get; private set; }

    /// <summary>When staff first answered: a reply, or taking the report up.</summary>
    public DateTime? FirstRespondedAt { get; private set; }

    // Where a home visit goes, when the subscriber shared a location.
    public double? VisitLatitude { get; private set; }
    public double? VisitLongitude { get; private set; }

    /// <summary>The place's name and address as the subscriber's phone described it.</summary>
    public string? VisitPlace { get; private set; }

    // The owning area's outcome (Ticket.Outcome.cs holds its rules).
    /// <summary>How the owning area settled a complaint or clarification; told to the subscriber in the notice.</summary>
    public AreaOutcome? Outcome { get; private set; }

    /// <summary>The agreement reached (conciliated), the reasons (rejected), or what was clarified or repaired.</summary>
    public string? OutcomeText { get; private set; }
    public DateTime? OutcomeAt { get; private set; }

    /// <summary>When a requested cancellation takes effect, in the provider's calendar.</summary>
    public DateOnly? CancellationEffectiveOn { get; private set; }

    // The subscriber's rating of the attention (Ticket.Rating.cs holds its rules).
    /// <summary>How the subscriber rated the attention, from 1 (bad) to 5 (very good).</summary>
    public int? Rating { get; private set; }
    public string? RatingComment { get; private set; }
    public DateTime? RatedAt { get; private set; }

    // Where the report sits in the network (Ticket.Outage.cs holds its rules).
    /// <summary>The contracted service the report is about, when intake or staff could tell which.</summary>
    public long? ServiceId { get; private set; }

    /// <summary>The outage (falla masiva) this report is a child of: it keeps its own folio and receipt.</summary>
    public long? OutageId { get; private set; }

    public IReadOnlyList<TimelineEntry> Timeline => timeline;

    public static Ticket Register(Folio folio, NewTicket report, Subscriber? subscriber, Actor actor, DateTime now, string? sourceKey = null)
    {
        var ticket = new Ticket
        {
            Id = folio.TicketId,
            Folio = folio.ToString(),
            Kind = report.Kind,
            Channel = report.Channel,
            Subject = report.Subject,
            Description = report.Description,
            ServiceAddress = report.ServiceAddress,
            Status = TicketStatus.Registered,
            Priority = report.Priority,
            Contact = report.Contact,
            ReportedAt = report.ReportedAt ?? now,
            CreatedAt = now,
            LastActivityAt = now,
            SourceKey = sourceKey,
            Version = 1,
        };
        if (subscriber is not null)
        {
            ticket.Subscriber = subscriber;
            ticket.SubscriberId = subscriber.Id == 0 ? null : subscriber.Id;
        }

        ticket.timeline.Add(new TimelineEntry(TimelineEntryType.Created, actor, now, report.Description, report.Channel));
        ticket.RefreshSearchText();
        return ticket;
    }
}

/// <summary>What intake knows about a new report, already validated.</summary>
public sealed record NewTicket(
    TicketKind Kind,
    ContactChannel Channel,
    string Subject,
    string Description,
    string? ServiceAddress,
    ContactInfo Contact,
    TicketPriority Priority = TicketPriority.Normal,
    DateTime? ReportedAt = null);

/// <summary>A name and a way to reach the person who reported, as given at intake.</summary>
public sealed record ContactInfo(string? Name, string? Phone, string? Email, string? AccountNumber = null);

/// <summary>What the technical lead (or the owning area) found and did.</summary>
public sealed record TechnicalResolution(
    string Cause,
    string Correction,
    bool Upheld,
    string ResolvedById,
    string ResolvedByName,
    DateTime ResolvedAt);
