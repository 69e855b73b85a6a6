using Ventanilla.Attachments;
using Ventanilla.Data;
using Ventanilla.Tickets;

namespace Ventanilla.Channels.Portal;

/// <summary>
/// Files a subscriber attaches on the portal: at most five, each judged by its size, its name and
/// its first bytes before anything is filed, so a refused file is fixed by the subscriber instead of
/// silently missing from the ticket.
/// </summary>
public sealed class PortalUploads(AttachmentIntake intake)
{
    public const int MaxFiles = 5;
    public const string Field = "Adjuntos";

    /// <summary>The files the form carried, without the empty part a browser sends when none was chosen.</summary>
    public static IReadOnlyList<IFormFile> Of(HttpRequest request) =>
        request.HasFormContentType ? request.Form.Files.GetFiles(Field).Where(f => f.Length > 0 || f.FileName.Length > 0).ToList() : [];

    /// <summary>Why these files cannot be taken, in Spanish, or null when all of them can.</summary>
    public async Task<string?> CheckAsync(IReadOnlyList<IFormFile> files, CancellationToken ct)
    {
        if (files.Count > MaxFiles)
        {
            return $"Puedes adjuntar hasta {MaxFiles} archivos; elegiste {files.Count}.";
        }

        foreach (var file in files)
        {
            await using var content = file.OpenReadStream();
            var judged = await intake.JudgeAsync(new IncomingFile(file.FileName, file.ContentType ?? "", content), file.Length, ct);
            if (judged.Refusal is { } refused)
            {
                return refused;
            }
        }

        return null;
    }

    /// <summary>Keeps the files on the ticket (tracked by <paramref name="db"/>); the caller saves.</summary>
    public async Task AttachAsync(VentanillaDbContext db, Ticket ticket, IReadOnlyList<IFormFile> files, Actor actor, DateTime now, CancellationToken ct)
    {
        foreach (var file in files.Take(MaxFiles))
        {
            await using var content = file.OpenReadStream();
            var row = await intake.AcceptAsync(ticket, new IncomingFile(file.FileName, file.ContentType ?? "", content),
                ContactChannel.Web, actor, now, ct);
            db.Attachments.Add(row);
        }
    }
}
