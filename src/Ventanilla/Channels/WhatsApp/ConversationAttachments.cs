using Ventanilla.Attachments;
using Ventanilla.Tickets;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>Media the subscriber sends, put on the ticket through the attachment intake once their hash is checked.</summary>
internal sealed partial class ConversationBot
{
    private async Task AttachAsync(Ticket ticket, MessageContent content, FetchedMedia? fetched, Actor actor, DateTime now, CancellationToken ct)
    {
        var name = AttachmentIntake.SafeName(content.FileName);
        var type = content.MimeType?.Split(';')[0].Trim() ?? "application/octet-stream";
        TicketAttachment row;
        if (fetched is null)
        {
            row = ticket.RecordRejectedAttachment(name, type, policy.MaxBytes + 1, policy.CheckSize(name, policy.MaxBytes + 1)
                ?? "El archivo es demasiado grande.", ContactChannel.Whatsapp, actor, now);
        }
        else if (!fetched.HashMatches)
        {
            row = ticket.RecordRejectedAttachment(name, fetched.ContentType, fetched.Content.Length,
                "El archivo descargado no coincide con la huella SHA-256 que anunció WhatsApp; pide al suscriptor que lo envíe de nuevo.",
                ContactChannel.Whatsapp, actor, now);
        }
        else
        {
            using var stream = new MemoryStream(fetched.Content, writable: false);
            row = await attachments.AcceptAsync(ticket, new IncomingFile(name, fetched.ContentType, stream), ContactChannel.Whatsapp, actor, now, ct);
        }

        db.Attachments.Add(row);
    }
}
