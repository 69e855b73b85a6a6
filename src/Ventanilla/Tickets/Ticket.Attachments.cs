using Ventanilla.Attachments;

namespace Ventanilla.Tickets;

public sealed partial class Ticket
{
    /// <summary>Records a kept file on this ticket and its timeline; the caller adds the row to the context.</summary>
    public TicketAttachment Attach(string fileName, string contentType, StoredContent content, ContactChannel channel,
        Actor actor, DateTime now, bool inline = false, string? contentId = null)
    {
        var attachment = new TicketAttachment(Id, fileName, contentType, content.Size, content.Sha256, channel, now, inline, contentId, null);
        Touch(new TimelineEntry(TimelineEntryType.AttachmentAdded, actor, now, attachment.FileName, channel), now);
        return attachment;
    }

    /// <summary>Records a refused file with the reason, so the agent can ask for it again; nothing is kept of its content.</summary>
    public TicketAttachment RecordRejectedAttachment(string fileName, string contentType, long size, string reason,
        ContactChannel channel, Actor actor, DateTime now)
    {
        var attachment = new TicketAttachment(Id, fileName, contentType, size, null, channel, now, false, null, reason);
        Touch(new TimelineEntry(TimelineEntryType.AttachmentRejected, actor, now, reason, channel, field: "attachment", to: attachment.FileName), now);
        return attachment;
    }
}
