using Ventanilla.Tickets;

namespace Ventanilla.Messaging;

public enum OutboxKind { Receipt, Reply, Notification }

/// <summary>
/// Pending until a worker sends it; Sending while an attempt is under way (it began at
/// <see cref="OutboxMessage.SendingAt"/>); Sent once the channel's server took it; Delivered and Read
/// when the channel reports so (WhatsApp does, email does not); Failed when given up on or refused for
/// good; Withheld when not sent on purpose (no attempt was made); Cancelled when staff decided it must
/// not go; Uncertain when an email attempt began and never reported back (the node died, or the
/// connection broke mid-send): it may have been delivered, so it is not sent again unless staff say so.
/// </summary>
public enum OutboxState { Pending, Sent, Failed, Delivered, Read, Withheld, Cancelled, Sending, Uncertain }

/// <summary>
/// A message to a subscriber, written in the same transaction as the change that caused it, so a
/// crash can never leave a change without its notice or a notice without its change. A channel's
/// worker sends it and records the result.
/// </summary>
public sealed partial class OutboxMessage
{
    private OutboxMessage()
    {
    }

    public long Id { get; private set; }
    public long? TicketId { get; private set; }
    public ContactChannel Channel { get; private set; }
    public OutboxKind Kind { get; private set; }
    public string Recipient { get; private set; } = "";
    public string? Subject { get; private set; }
    public string Body { get; private set; } = "";
    public OutboxState State { get; private set; }
    public int Attempts { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime NextAttemptAt { get; private set; }
    public DateTime? SentAt { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>
    /// The id the channel knows the message by, so an answer or a report finds its ticket: for email
    /// the Message-ID it goes out with (set when an attempt begins, so even a message whose sending is
    /// uncertain is matched); for WhatsApp the <c>wamid</c> Meta returned.
    /// </summary>
    public string? MessageId { get; private set; }

    /// <summary>
    /// Chosen once, when the row is written, and never again: an email's Message-ID is built from it,
    /// so every attempt of one row (a retry after a timeout, a resend by staff) carries the same one,
    /// and a receiver that got an earlier copy can tell this is the same message.
    /// </summary>
    public string? MessageToken { get; private set; }

    /// <summary>When the last attempt began; with <see cref="OutboxState.Sending"/>, an attempt that may be under way.</summary>
    public DateTime? SendingAt { get; private set; }

    /// <summary>The subscriber's message this one answers (an acknowledgement of their email), to thread with it.</summary>
    public string? InReplyTo { get; private set; }

    /// <summary>
    /// The notification event this message tells about (<c>received</c>, <c>resolved</c>, <c>visit_scheduled</c>…),
    /// or null for a free reply. A channel that cannot always send free text (WhatsApp outside the
    /// 24-hour window) sends the approved template configured for this event instead.
    /// </summary>
    public string? Event { get; private set; }

    /// <summary>The values for that template's placeholders, in order, as a JSON array of strings.</summary>
    public string? TemplateParameters { get; private set; }

    /// <summary>After this many failed attempts a message is given up on, and the ticket says so.</summary>
    public const int MaxAttempts = 8;

    /// <summary>The longest error kept in <see cref="LastError"/>.</summary>
    public const int ErrorLimit = 2000;

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    public static OutboxMessage Queue(Ticket ticket, ContactChannel channel, OutboxKind kind, string recipient,
        string? subject, string body, DateTime now) => Queue(ticket.Id, channel, kind, recipient, subject, body, now);

    private static OutboxMessage Queue(long? ticketId, ContactChannel channel, OutboxKind kind, string recipient,
        string? subject, string body, DateTime now) => new()
        {
            TicketId = ticketId,
            Channel = channel,
            Kind = kind,
            Recipient = recipient,
            Subject = subject,
            Body = body,
            State = OutboxState.Pending,
            MessageToken = NewToken(),
            CreatedAt = now,
            NextAttemptAt = now,
        };

    /// <summary>Names the event this message tells about and the values its channel template needs.</summary>
    public OutboxMessage About(string eventName, params string[] templateParameters)
    {
        Event = eventName;
        TemplateParameters = System.Text.Json.JsonSerializer.Serialize(templateParameters);
        return this;
    }

    public IReadOnlyList<string> TemplateValues() =>
        TemplateParameters is null ? [] : System.Text.Json.JsonSerializer.Deserialize<string[]>(TemplateParameters) ?? [];

    /// <summary>A row written before tokens existed gets one now; the caller saves it before any attempt uses it.</summary>
    public string EnsureMessageToken() => MessageToken ??= NewToken();

    // 128 random bits: unique across nodes and installations without asking the database.
    private static string NewToken() => Guid.NewGuid().ToString("N");

    /// <summary>Marks this as the automatic answer to a message the subscriber sent us.</summary>
    public void AnswerTo(string messageId) => InReplyTo = messageId;

    public void MarkSent(string? messageId, DateTime now)
    {
        State = OutboxState.Sent;
        Attempts++;
        SentAt = now;
        MessageId = messageId;
        LastError = null;
        RedactSecret();
    }

    /// <summary>
    /// Gives up at once: the channel refused the message for good (an SMTP 5xx, a WhatsApp error no
    /// retry would change).
    /// </summary>
    public void GiveUp(string reason, DateTime now)
    {
        Attempts++;
        Fail(reason, now);
    }

    /// <summary>Not sent, on purpose (an automatic message to an address that bounces, or over the daily cap): no attempt was made.</summary>
    public void Withhold(string reason, DateTime now)
    {
        Fail(reason, now);
        State = OutboxState.Withheld;
    }

    /// <summary>
    /// Records a failed attempt and schedules the next one, waiting twice as long each time (1, 2, 4
    /// minutes…, at most an hour) so a server that is down is not hammered; true when this was the
    /// last attempt and the message is now given up on.
    /// </summary>
    public bool MarkFailedAttempt(string error, DateTime now)
    {
        Attempts++;
        LastError = Clip(error);
        if (Attempts >= MaxAttempts)
        {
            State = OutboxState.Failed;
            RedactSecret();
            return true;
        }

        State = OutboxState.Pending;
        var wait = TimeSpan.FromMinutes(Math.Pow(2, Attempts - 1));
        NextAttemptAt = now + (wait > MaxBackoff ? MaxBackoff : wait);
        return false;
    }

    private void Fail(string reason, DateTime now)
    {
        State = OutboxState.Failed;
        LastError = Clip(reason);
        NextAttemptAt = now;
        RedactSecret();
    }

    /// <summary>Errors are kept to what the column holds.</summary>
    private static string Clip(string error) => error.Length > ErrorLimit ? error[..ErrorLimit] : error;
}
