using System.Linq.Expressions;
using Ventanilla.Tickets;

namespace Ventanilla.Messaging;

/// <summary>Pending until processed; Processing while one worker holds it; Flagged for an administrator.</summary>
public enum InboundState { Pending, Processing, Processed, Flagged }

/// <summary>
/// A message exactly as it arrived, stored before anything is done with it, so that nothing inbound
/// lives only in memory and a message we cannot process is kept for an administrator.
/// </summary>
public sealed class InboundMessage
{
    public const int ErrorLimit = 2000;

    /// <summary>Why a message cannot be reprocessed: it is no longer flagged, or no longer there.</summary>
    public const string NotFlagged = "Ese mensaje ya no está marcado para revisión.";

    public const int ConversationKeyLimit = 200;

    private InboundMessage()
    {
    }

    /// <summary>
    /// What a worker may claim at <paramref name="now"/>: waiting, or held by a worker whose lease
    /// (<see cref="MessagingOptions.ClaimLease"/>) ran out, since a worker that stopped never lets go.
    /// </summary>
    public static Expression<Func<InboundMessage, bool>> Claimable(DateTime now, TimeSpan lease)
    {
        var expired = now - lease;
        return m => m.State == InboundState.Pending || (m.State == InboundState.Processing && m.ClaimedAt < expired);
    }

    /// <summary>
    /// Whether an earlier message of the same conversation still waits or is held: a user's messages
    /// take effect in the order they were sent, so a later one waits for it (a flagged one holds nothing up).
    /// </summary>
    public static Expression<Func<InboundMessage, bool>> InTurn(IQueryable<InboundMessage> inbox) =>
        m => m.ConversationKey == null || !inbox.Any(e => e.Channel == m.Channel && e.Mailbox == m.Mailbox && e.ConversationKey == m.ConversationKey
            && e.Id < m.Id && (e.State == InboundState.Pending || e.State == InboundState.Processing));

    public long Id { get; private set; }

    /// <summary>The address of the mailbox (or the number of the account) it reached.</summary>
    public string Mailbox { get; private set; } = "";

    public ContactChannel Channel { get; private set; }

    /// <summary>The sender's id for the message: the email Message-ID without angle brackets.</summary>
    public string? ExternalId { get; private set; }

    /// <summary>IMAP UIDVALIDITY and UID: together with the mailbox, the key that stores a message once.</summary>
    public long? UidValidity { get; private set; }

    public long? Uid { get; private set; }

    public byte[] Raw { get; private set; } = [];

    public DateTime ReceivedAt { get; private set; }

    public InboundState State { get; private set; }

    public long? TicketId { get; private set; }

    public string? Error { get; private set; }

    public DateTime? ProcessedAt { get; private set; }

    /// <summary>Who the message is from, for the channels whose messages must take effect in order (a WhatsApp user).</summary>
    public string? ConversationKey { get; private set; }

    /// <summary>When a worker took the message; a claim older than the lease means that worker died holding it.</summary>
    public DateTime? ClaimedAt { get; private set; }

    public static InboundMessage FromImap(string mailbox, uint uidValidity, uint uid, string? messageId, byte[] raw, DateTime now) => new()
    {
        Mailbox = mailbox,
        Channel = ContactChannel.Email,
        ExternalId = messageId,
        UidValidity = uidValidity,
        Uid = uid,
        Raw = raw,
        ReceivedAt = now,
        State = InboundState.Pending,
    };

    /// <summary>One message or status of a webhook post, as a post of its own; the id stores it once however often Meta posts it.</summary>
    public static InboundMessage FromWhatsApp(string account, string? externalId, string? conversationKey, byte[] raw, DateTime now) => new()
    {
        Mailbox = account,
        Channel = ContactChannel.Whatsapp,
        ExternalId = externalId,
        ConversationKey = conversationKey,
        Raw = raw,
        ReceivedAt = now,
        State = InboundState.Pending,
    };

    public void Processed(long? ticketId, DateTime now)
    {
        State = InboundState.Processed;
        TicketId = ticketId;
        ProcessedAt = now;
    }

    /// <summary>
    /// An administrator asks for a flagged message to be processed again, after a fix; returns why
    /// not, in Spanish, when it is not flagged (another administrator already did it).
    /// </summary>
    public string? Reprocess()
    {
        if (State != InboundState.Flagged)
        {
            return NotFlagged;
        }

        State = InboundState.Pending;
        Error = null;
        ProcessedAt = null;
        ClaimedAt = null;
        return null;
    }

    public void Flag(string error, DateTime now)
    {
        State = InboundState.Flagged;
        Error = error.Length > ErrorLimit ? error[..ErrorLimit] : error;
        ProcessedAt = now;
    }
}
