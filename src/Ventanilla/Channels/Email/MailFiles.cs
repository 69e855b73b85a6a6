using Ventanilla.Attachments;
using Ventanilla.Data;
using Ventanilla.Tickets;

namespace Ventanilla.Channels.Email;

/// <summary>
/// Puts an email's files on its ticket through the shared attachment store: each kept once by its
/// hash, or recorded as refused with the reason, never dropped without a trace.
/// </summary>
internal static class MailFiles
{
    public static async Task AttachAsync(AttachmentIntake intake, VentanillaDbContext db, Ticket ticket, MailContent content,
        Actor actor, DateTime now, CancellationToken ct)
    {
        foreach (var file in content.Files)
        {
            await using var stream = file.Open();
            var row = await intake.AcceptAsync(ticket, new IncomingFile(file.FileName, file.DeclaredType, stream, file.Inline, file.ContentId),
                ContactChannel.Email, actor, now, ct);
            db.Attachments.Add(row);
        }
    }
}
