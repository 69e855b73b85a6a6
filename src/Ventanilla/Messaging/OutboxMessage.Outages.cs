using Ventanilla.Tickets;

namespace Ventanilla.Messaging;

public sealed partial class OutboxMessage
{
    /// <summary>A notice that belongs to no ticket (an outage's notice to a subscriber under it); its event picks the WhatsApp template.</summary>
    public static OutboxMessage Notice(ContactChannel channel, string recipient, string? subject, string body, DateTime now) =>
        Queue((long?)null, channel, OutboxKind.Notification, recipient, subject, body, now);
}
