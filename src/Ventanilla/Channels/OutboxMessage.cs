using Ventanilla.Tickets;

namespace Ventanilla.Channels;

public enum OutboxKind { Receipt, Reply, Notification }

public enum OutboxState { Pending, Sent, Failed }

/// <summary>
/// A message to a subscriber, written in the same transaction as the change that caused it, so a
/// crash can never leave a change without its notice or a notice without its change. A channel's
/// worker sends it and records the result.
/// </summary>
public sealed class OutboxMessage
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

    public static OutboxMessage Queue(Ticket ticket, ContactChannel channel, OutboxKind kind, string recipient,
        string? subject, string body, DateTime now) => new()
        {
            TicketId = ticket.Id,
            Channel = channel,
            Kind = kind,
            Recipient = recipient,
            Subject = subject,
            Body = body,
            State = OutboxState.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
        };
}
