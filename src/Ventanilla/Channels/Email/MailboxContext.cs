namespace Ventanilla.Channels.Email;

/// <summary>What we know about ourselves when judging a message that reached one of our mailboxes.</summary>
/// <param name="OwnAddresses">Every mailbox address we send from.</param>
/// <param name="OwnMessageIdDomain">
/// The right-hand side of the Message-IDs we generate (e.g. <c>ventanilla.nuevomundo.mx</c>). It must be
/// ours alone: the provider's staff mail servers use other ids, and their mail is not a loop.
/// </param>
public sealed record MailboxContext(IReadOnlyCollection<string> OwnAddresses, string OwnMessageIdDomain)
{
    /// <summary>The header we put on every outgoing message, carrying the ticket's folio.</summary>
    public const string FolioHeader = "X-Ventanilla-Folio";

    public bool IsOwnAddress(string? address) =>
        address is not null && OwnAddresses.Any(own => string.Equals(own, address.Trim(), StringComparison.OrdinalIgnoreCase));

    public bool IsOwnMessageId(string? messageId)
    {
        var id = MailThreading.Normalize(messageId);
        var at = id?.LastIndexOf('@') ?? -1;
        return at >= 0 && string.Equals(id![(at + 1)..], OwnMessageIdDomain, StringComparison.OrdinalIgnoreCase);
    }
}
