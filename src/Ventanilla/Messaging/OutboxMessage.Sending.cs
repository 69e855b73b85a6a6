using Ventanilla.Tickets;

namespace Ventanilla.Messaging;

/// <summary>
/// An attempt in flight. A channel's sender marks the row Sending, and commits that, right before it
/// hands the message over; the outcome replaces the mark. A mark still there after the claim lease
/// means the node died or lost its connection mid-send, and nobody knows whether the message arrived.
/// </summary>
public sealed partial class OutboxMessage
{
    public const string UncertainReason =
        "Incierto: pudo haberse enviado. El intento empezó y no terminó (el servidor se detuvo o se cortó la conexión); no se reintenta solo. Reintentarlo envía el mismo Message-ID.";

    /// <summary>
    /// The attempt began: <paramref name="messageId"/> is the id the message goes out with, when we
    /// choose it (email), recorded now so that an answer to it finds the ticket whatever happens next.
    /// </summary>
    public void BeginSending(string? messageId, DateTime now)
    {
        State = OutboxState.Sending;
        SendingAt = now;
        MessageId = messageId ?? MessageId;
    }

    /// <summary>The attempt began and did not report back: the message may be with the subscriber, so it waits for staff.</summary>
    public void MarkUncertain(string reason, DateTime now)
    {
        Attempts++;
        State = OutboxState.Uncertain;
        LastError = Clip(reason);
        NextAttemptAt = now;
    }

    /// <summary>
    /// True when the channel already took this message and gave back its id (a WhatsApp <c>wamid</c>):
    /// sending it again would reach the subscriber twice, so it never is.
    /// </summary>
    public bool ChannelHasIt => Channel == ContactChannel.Whatsapp && MessageId is not null;
}
