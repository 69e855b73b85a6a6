namespace Ventanilla.Tickets;

/// <summary>One line of a ticket's history. Entries are only ever added, never changed.</summary>
public sealed class TimelineEntry
{
    private TimelineEntry()
    {
    }

    internal TimelineEntry(TimelineEntryType type, Actor actor, DateTime at, string? body,
        ContactChannel? channel = null, string? field = null, string? from = null, string? to = null)
    {
        Type = type;
        ActorId = actor.Id;
        ActorName = actor.Name;
        At = at;
        Body = body;
        Channel = channel;
        Field = field;
        From = from;
        To = to;
    }

    public long Id { get; private set; }
    public long TicketId { get; private set; }
    public DateTime At { get; private set; }
    public TimelineEntryType Type { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public ContactChannel? Channel { get; private set; }
    public string? Body { get; private set; }

    /// <summary>
    /// For a message: the earlier messages its sender's client quoted below it, kept apart so the
    /// timeline shows what is new and folds the history away.
    /// </summary>
    public string? Quoted { get; private set; }

    internal TimelineEntry WithQuoted(string? quoted)
    {
        Quoted = string.IsNullOrWhiteSpace(quoted) ? null
            : quoted.Length > QuotedLimit ? quoted[..QuotedLimit] : quoted;
        return this;
    }

    public const int QuotedLimit = 20_000;

    /// <summary>
    /// For a notice: the words the portal shows the subscriber, from the event's portal template.
    /// The email or WhatsApp text in <see cref="Body"/> speaks of replying to it, which the portal
    /// cannot do; null when the template has no portal text.
    /// </summary>
    public string? PortalText { get; private set; }

    internal TimelineEntry WithPortalText(string? text)
    {
        PortalText = string.IsNullOrWhiteSpace(text) ? null
            : text.Length > PortalTextLimit ? text[..PortalTextLimit] : text;
        return this;
    }

    public const int PortalTextLimit = 4_000;

    /// <summary>For changes: what changed, and its value before and after.</summary>
    public string? Field { get; private set; }
    public string? From { get; private set; }
    public string? To { get; private set; }
}
