using System.Globalization;
using Ventanilla.Staff;
using Ventanilla.Subscribers;
using Ventanilla.Web;
using static Ventanilla.Tickets.TicketStatus;

namespace Ventanilla.Tickets;

public sealed partial class Ticket
{
    private const int ConversationTextLimit = 100_000;

    /// <summary>Input fields a move to <paramref name="to"/> needs from the person making it.</summary>
    public IReadOnlyList<string> FieldsRequiredFor(TicketStatus to, StatusChange change) => (to, Status) switch
    {
        (Cancelled, _) when string.IsNullOrWhiteSpace(change.Reason) => ["reason"],
        // A query is resolved by the answer given; anything else by its recorded resolution, which the rule asks for.
        (Resolved, _) when Resolution is null && TicketLifecycle.NeedsNoTechnicalWork(Kind) && string.IsNullOrWhiteSpace(change.Reason) => ["reason"],
        (Closed, Notified) when change.Confirmation is null => ["confirmation"],
        (Reopened, _) when string.IsNullOrWhiteSpace(change.Reason) => ["reason"],
        _ => [],
    };

    /// <summary>
    /// A plain status change, as the status form, the API and any bulk path ask for it. Notified
    /// is not among them: only sending the notice (<see cref="Notify"/>) tells the subscriber.
    /// </summary>
    public RuleViolation? ChangeStatus(StatusChange change, Actor actor, DateTime now)
    {
        if (change.To == Notified && TicketLifecycle.IsAllowed(Status, Notified, Kind))
        {
            return Violation(string.Create(CultureInfo.InvariantCulture,
                $"El folio pasa a «notificado» solo al enviar el aviso al suscriptor: usa «Avisar al suscriptor» en el folio o POST /api/v1/tickets/{Folio}/notice."),
                [RuleViolation.MissingNotification]);
        }

        return Move(change, actor, now);
    }

    private RuleViolation? Move(StatusChange change, Actor actor, DateTime now)
    {
        var to = change.To;
        if (!TicketLifecycle.IsAllowed(Status, to, Kind))
        {
            return NotAllowed(to);
        }

        if (to == Resolved && Resolution is null && !TicketLifecycle.NeedsNoTechnicalWork(Kind))
        {
            return Violation(
                "Antes de resolver, registra la resolución técnica: causa, corrección y si el reporte es procedente.",
                [RuleViolation.MissingResolution]);
        }

        if (to == Resolved && MissingBeforeResolving() is { } missing)
        {
            return missing;
        }

        // The notice is the one way here, and a complaint goes out only with its area's outcome.
        if (to == Notified && CheckNotice() is { } notYet)
        {
            return notYet;
        }

        var from = Status;
        Status = to;
        switch (to)
        {
            case Cancelled:
                CancellationReason = change.Reason?.Trim();
                DuplicateOfFolio = change.DuplicateOf;
                break;
            case Notified:
                NotifiedAt = now;
                break;
            case Closed:
                ClosedAt = now;
                if (change.Confirmation is { } confirmation)
                {
                    Confirm(confirmation, now);
                }

                break;
            case Reopened:
                Confirm(SubscriberConfirmation.NotFixed, now);
                ForgetResolution();
                break;
            case InProgress when from == Resolved:
                ForgetResolution();
                break;
        }

        Touch(new TimelineEntry(TimelineEntryType.StatusChanged, actor, now, change.Reason?.Trim(),
            field: "status", from: Wire.Name(from), to: Wire.Name(to)), now);
        return null;
    }

    /// <summary>The technical lead's (or the owning area's) finding, which resolves the ticket.</summary>
    public RuleViolation? RecordResolution(string cause, string correction, bool upheld, DateTime? serviceRestoredAt, Actor actor, DateTime now)
    {
        if (Status != Resolved && !TicketLifecycle.IsAllowed(Status, Resolved, Kind))
        {
            return NotAllowed(Resolved);
        }

        if (MissingBeforeResolving() is { } missing)
        {
            return missing;
        }

        var from = Status;
        Resolution = new TechnicalResolution(cause.Trim(), correction.Trim(), upheld, actor.Id, actor.Name, now);
        // The technician's visit report may have said already when the service came back; that stands.
        ServiceRestoredAt = serviceRestoredAt ?? ServiceRestoredAt ?? (Kind == TicketKind.Fault ? now : null);
        Status = Resolved;
        var body = string.Create(CultureInfo.InvariantCulture,
            $"Causa: {Resolution.Cause}\nCorrección: {Resolution.Correction}\nProcedente: {(upheld ? "sí" : "no")}");
        Touch(new TimelineEntry(TimelineEntryType.ResolutionRecorded, actor, now, body,
            field: "status", from: Wire.Name(from), to: Wire.Name(Resolved)), now);
        HandOverForNotice(actor, now);
        return null;
    }

    public void SetDeadline(DateTime due, DateTime atRisk)
    {
        DueAt = due;
        AtRiskAt = atRisk;
    }

    /// <summary>An internal note: staff only, never shown to the subscriber.</summary>
    public void AddNote(string text, Actor actor, DateTime now)
    {
        // Notes do not bump the version: two people adding notes at once are not in conflict.
        timeline.Add(new TimelineEntry(TimelineEntryType.Note, actor, now, text.Trim()));
        LastActivityAt = now;
    }

    /// <summary>A message we gave up sending: staff must know the subscriber was not told.</summary>
    public void RecordDeliveryFailure(ContactChannel channel, string recipient, string error, DateTime now) =>
        AddNote($"No se pudo entregar {(channel == ContactChannel.Email ? "el correo" : "el mensaje")} a {recipient}: {error}", Actor.System, now);

    /// <summary>A message from or to the subscriber, on any channel.</summary>
    public void AddMessage(bool inbound, ContactChannel channel, string body, Actor actor, DateTime now, string? quoted = null)
    {
        var type = inbound ? TimelineEntryType.MessageIn : TimelineEntryType.MessageOut;
        timeline.Add(new TimelineEntry(type, actor, now, body, channel).WithQuoted(quoted));
        var conversation = ConversationText.Length == 0 ? body : ConversationText + "\n" + body;
        ConversationText = conversation.Length > ConversationTextLimit ? conversation[^ConversationTextLimit..] : conversation;
        LastActivityAt = now;
        RefreshSearchText();
    }

    public bool Assign(Assignment assignment, Actor actor, DateTime now)
    {
        var entries = new List<TimelineEntry>();
        if (assignment.Area is { } area && area.Id != AreaId)
        {
            entries.Add(Changed(TimelineEntryType.Assigned, "area", Area?.Code, area.Code));
            Area = area;
            AreaId = area.Id;
        }

        if (assignment.CustomerServiceOwner is { } owner && owner.Id != CustomerServiceOwnerId)
        {
            entries.Add(Changed(TimelineEntryType.Assigned, "customerServiceOwner", CustomerServiceOwnerId, owner.Id));
            CustomerServiceOwnerId = owner.Id;
        }

        if (assignment.TechnicalLead is { } lead && lead.Id != TechnicalLeadId)
        {
            entries.Add(Changed(TimelineEntryType.Assigned, "technicalLead", TechnicalLeadId, lead.Id));
            TechnicalLeadId = lead.Id;
        }

        if (assignment.Priority is { } priority && priority != Priority)
        {
            entries.Add(Changed(TimelineEntryType.FieldChanged, "priority", Wire.Name(Priority), Wire.Name(priority)));
            Priority = priority;
        }

        foreach (var entry in entries)
        {
            Touch(entry, now);
        }

        return entries.Count > 0;

        TimelineEntry Changed(TimelineEntryType type, string field, string? from, string? to) =>
            new(type, actor, now, null, field: field, from: from, to: to);
    }

    public void LinkSubscriber(Subscriber subscriber, Actor actor, DateTime now)
    {
        var previous = SubscriberId?.ToString(CultureInfo.InvariantCulture);
        Subscriber = subscriber;
        SubscriberId = subscriber.Id;
        Touch(new TimelineEntry(TimelineEntryType.SubscriberLinked, actor, now, subscriber.FullName,
            field: "subscriber", from: previous, to: subscriber.Id.ToString(CultureInfo.InvariantCulture)), now);
        RefreshSearchText();
    }

    private void Confirm(SubscriberConfirmation confirmation, DateTime now)
    {
        Confirmation = confirmation;
        ConfirmationAt = now;
    }

    private void ForgetResolution()
    {
        // The earlier finding stays on the timeline; the next closure needs a new one, and the
        // service is not back until it says so again.
        Resolution = null;
        ServiceRestoredAt = null;
        NotifiedAt = null;
        ClosedAt = null;
    }

    private void Touch(TimelineEntry entry, DateTime now)
    {
        timeline.Add(entry);
        LastActivityAt = now;
        Version++;
    }

    private RuleViolation NotAllowed(TicketStatus to)
    {
        if (to == Closed && TicketLifecycle.NeedsNotificationToClose(Kind))
        {
            string[] missing = Status switch
            {
                Resolved => [RuleViolation.MissingNotification],
                Notified or Closed or Cancelled => [],
                _ => [RuleViolation.MissingResolution, RuleViolation.MissingNotification],
            };
            if (missing.Length > 0)
            {
                return Violation(missing.Length == 1
                    ? "Para cerrar una falla, primero notifica al suscriptor la causa y si su reporte fue procedente."
                    : "Para cerrar una falla, primero registra la resolución técnica y notifica al suscriptor.", missing);
            }
        }

        return Violation(string.Create(CultureInfo.InvariantCulture,
            $"El folio está en «{Wire.Name(Status)}» y no puede pasar a «{Wire.Name(to)}»."), []);
    }

    private RuleViolation Violation(string message, IReadOnlyList<string> missing) =>
        new(message, Status, TicketLifecycle.AllowedFrom(Status, Kind), missing);

    internal void RefreshSearchText()
    {
        var parts = new List<string?> { Folio, Contact.Name, Contact.Email, Contact.AccountNumber, Subject, Description, ServiceAddress };
        parts.AddRange(MexicanPhones.SearchForms(Contact.Phone));
        if (Subscriber is { } subscriber)
        {
            parts.AddRange(subscriber.SearchTerms());
        }

        parts.Add(ConversationText);
        SearchText = string.Join('\n', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.Ordinal));
    }
}

/// <summary>A requested status change with the fields the transition may need.</summary>
public sealed record StatusChange(
    TicketStatus To,
    string? Reason = null,
    string? DuplicateOf = null,
    SubscriberConfirmation? Confirmation = null);

/// <summary>Who owns the ticket now; a null part is left as it was.</summary>
public sealed record Assignment(Area? Area, StaffMember? CustomerServiceOwner, StaffMember? TechnicalLead, TicketPriority? Priority);
