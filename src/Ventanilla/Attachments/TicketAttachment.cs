using Ventanilla.Tickets;

namespace Ventanilla.Attachments;

/// <summary>
/// A file a subscriber (or staff) sent about a ticket: kept by its hash, or refused with the reason,
/// so that nothing sent is ever dropped without a trace.
/// </summary>
public sealed class TicketAttachment
{
    public const int FileNameLimit = 255;

    private TicketAttachment()
    {
    }

    internal TicketAttachment(long ticketId, string fileName, string contentType, long size, string? sha256,
        ContactChannel channel, DateTime addedAt, bool inline, string? contentId, string? rejectionReason)
    {
        TicketId = ticketId;
        FileName = fileName.Length > FileNameLimit ? fileName[..FileNameLimit] : fileName;
        ContentType = contentType;
        Size = size;
        Sha256 = sha256;
        Channel = channel;
        AddedAt = addedAt;
        Inline = inline;
        ContentId = contentId;
        RejectionReason = rejectionReason;
    }

    public long Id { get; private set; }
    public long TicketId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public long Size { get; private set; }

    /// <summary>Where the content is in the store; null for a refused file, whose content was not kept.</summary>
    public string? Sha256 { get; private set; }

    public ContactChannel Channel { get; private set; }
    public DateTime AddedAt { get; private set; }

    /// <summary>An image shown inside an email's body, referred to there as <c>cid:</c><see cref="ContentId"/>.</summary>
    public bool Inline { get; private set; }

    public string? ContentId { get; private set; }

    /// <summary>Why it was not kept, in Spanish; null when it was.</summary>
    public string? RejectionReason { get; private set; }

    public bool Kept => RejectionReason is null;
}
