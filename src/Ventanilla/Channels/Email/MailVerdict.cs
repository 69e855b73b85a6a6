namespace Ventanilla.Channels.Email;

public enum MailKind
{
    Normal,
    AutoReply,
    Bounce,
    Bulk,
    OwnMessage,
}

/// <summary>What an inbound message is, and the header or part that gave it away.</summary>
/// <param name="Reason">The evidence (a header and its value), for the log and the administrator.</param>
public sealed record MailVerdict(MailKind Kind, string Reason)
{
    /// <summary>The Message-ID of our message that bounced, without angle brackets, when the report names it.</summary>
    public string? OriginalMessageId { get; init; }

    /// <summary>The folio our bounced message carried (its X-Ventanilla-Folio header or subject tag), when the report returns it.</summary>
    public string? OriginalFolio { get; init; }

    /// <summary>The address that could not be reached, when the report names it.</summary>
    public string? FailedRecipient { get; init; }

    // Answering anything automatic is how mail loops start (RFC 3834 section 2): only a person
    // writing to us gets an acknowledgement.
    public bool MayAcknowledge => Kind == MailKind.Normal;

    public static MailVerdict Normal { get; } = new(MailKind.Normal, "");

    public static MailVerdict AutoReply(string reason) => new(MailKind.AutoReply, reason);

    public static MailVerdict Bulk(string reason) => new(MailKind.Bulk, reason);

    public static MailVerdict OwnMessage(string reason) => new(MailKind.OwnMessage, reason);

    public static MailVerdict Bounce(string reason, string? originalMessageId, string? failedRecipient) =>
        new(MailKind.Bounce, reason) { OriginalMessageId = originalMessageId, FailedRecipient = failedRecipient };
}
