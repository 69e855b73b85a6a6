using Microsoft.EntityFrameworkCore;
using MimeKit;
using Ventanilla.Data;

namespace Ventanilla.Channels.Email;

/// <summary>The ticket an email continues: by the folio in its subject, else by the messages it answers.</summary>
internal static class MailTicketLookup
{
    public static async Task<long?> FindAsync(VentanillaDbContext db, MimeMessage message, MailVerdict verdict, CancellationToken ct)
    {
        // A bounce names our message inside its report: the folio we put on it, in header or subject.
        foreach (var folio in new[] { FolioTag.Find(message.Subject)?.ToString(), verdict.OriginalFolio }.OfType<string>())
        {
            if (await db.Tickets.Where(t => t.Folio == folio).Select(t => (long?)t.Id).FirstOrDefaultAsync(ct) is { } id)
            {
                return id;
            }
        }

        var ids = MailThreading.CandidateIds(message).ToList();
        if (verdict.OriginalMessageId is { } original)
        {
            ids.Insert(0, original);
        }

        if (ids.Count == 0)
        {
            return null;
        }

        // Subscribers answer the messages they sent us, and the ones we sent them; either is on the ticket.
        return await db.Inbox
            .Where(m => m.ExternalId != null && ids.Contains(m.ExternalId) && m.TicketId != null)
            .OrderByDescending(m => m.Id)
            .Select(m => m.TicketId)
            .FirstOrDefaultAsync(ct)
            ?? await db.Outbox
            .Where(m => m.MessageId != null && ids.Contains(m.MessageId) && m.TicketId != null)
            .OrderByDescending(m => m.Id)
            .Select(m => m.TicketId)
            .FirstOrDefaultAsync(ct);
    }
}
