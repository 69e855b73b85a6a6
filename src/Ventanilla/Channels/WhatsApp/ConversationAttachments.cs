using System.Globalization;
using Ventanilla.Tickets;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>Media the subscriber sends, put on the ticket once their hash is checked.</summary>
internal sealed partial class ConversationBot
{
    private static Task AttachAsync(Ticket ticket, MessageContent content, FetchedMedia? fetched, Actor actor, DateTime now, CancellationToken ct)
    {
        _ = ct;
        var name = content.FileName ?? "archivo";
        if (fetched is null)
        {
            ticket.AddNote($"No se guardó el archivo «{name}» recibido por WhatsApp: pasa de {MediaFetcher.MaxBytes / (1024 * 1024)} MB.", Actor.System, now);
        }
        else if (!fetched.HashMatches)
        {
            ticket.AddNote($"No se guardó el archivo «{name}» recibido por WhatsApp: su contenido no coincide con la huella SHA-256 que anunció WhatsApp.", Actor.System, now);
        }
        else
        {
            ticket.AddNote(string.Create(CultureInfo.InvariantCulture,
                $"Archivo recibido por WhatsApp: «{name}» ({fetched.ContentType}, {fetched.Content.Length} bytes, SHA-256 {fetched.Sha256})."), actor, now);
        }

        return Task.CompletedTask;
    }
}
