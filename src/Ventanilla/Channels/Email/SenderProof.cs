using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Subscribers;
using Ventanilla.Tickets;

namespace Ventanilla.Channels.Email;

/// <summary>
/// Whether an email that names a folio (by its subject tag or by the thread it answers) comes from
/// someone who may speak for it. A folio tag is public text anyone can type, so naming the folio
/// proves nothing: the sender must be one of the folio's proof addresses (its contact email, its
/// subscriber's emails), or answer a message we sent to that very address.
/// </summary>
internal static class SenderProof
{
    public static async Task<bool> IsVerifiedAsync(VentanillaDbContext db, Ticket ticket, string? from, IReadOnlyList<string> answers, CancellationToken ct)
    {
        if (EmailAddresses.Normalize(from) is not { } sender)
        {
            return false;
        }

        if (Same(ticket.Contact.Email, sender))
        {
            return true;
        }

        if (ticket.SubscriberId is { } subscriberId)
        {
            var emails = await db.Subscribers.AsNoTracking().Where(s => s.Id == subscriberId)
                .SelectMany(s => s.Emails.Select(e => e.Address)).ToListAsync(ct);
            if (emails.Any(e => Same(e, sender)))
            {
                return true;
            }
        }

        if (answers.Count == 0)
        {
            return false;
        }

        // Only our own mail on this folio counts, and only when it went to the address now writing:
        // someone copied on the thread can read it, but that does not make them the subscriber.
        var sentTo = await db.Outbox
            .Where(m => m.TicketId == ticket.Id && m.Channel == ContactChannel.Email && m.MessageId != null && answers.Contains(m.MessageId))
            .Select(m => m.Recipient).ToListAsync(ct);
        return sentTo.Any(r => Same(r, sender));
    }

    /// <summary>
    /// The internal note an unverified message becomes: the agent reads what it said and who sent it,
    /// and decides; the subscriber's side of the record (messages, files, status) is left untouched.
    /// </summary>
    public static string Note(string? from, MailContent content, string text)
    {
        var files = content.Files.Count == 0 ? ""
            : $"\nTraía {content.Files.Count} archivo(s) adjunto(s), que no se agregaron al folio.";
        var note = $"Remitente no verificado: correo de {from ?? "(sin remitente)"} que menciona este folio. "
            + "No es el correo de contacto ni del suscriptor, ni responde a un correo que le enviamos, así que no cambia "
            + $"el folio ni se lee como respuesta al aviso de cierre. Verifique quién escribe antes de actuar.{files}\n\n"
            + $"Asunto: {content.Subject.Trim()}\n\n{text}";
        return note.Length > TicketLimits.Note ? note[..TicketLimits.Note] : note;
    }

    private static bool Same(string? address, string sender) => EmailAddresses.Normalize(address) == sender;
}
