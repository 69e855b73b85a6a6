using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Tickets;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>"estado NM-2026-000123", or just the folio: a question about a ticket's status, answered only to its owner.</summary>
internal static partial class FolioQuery
{
    public static Folio? Find(string text)
    {
        var match = Pattern().Match(text.Trim());
        return match.Success && Folio.TryParse(match.Groups["folio"].Value, out var folio) ? folio : null;
    }

    /// <summary>The sender owns the ticket when it is their subscriber's, was filed from their phone, or was filed in this conversation.</summary>
    public static async Task<bool> OwnsAsync(VentanillaDbContext db, WhatsAppConversation conversation, Ticket ticket, CancellationToken ct)
    {
        if ((conversation.SubscriberId is { } subscriber && ticket.SubscriberId == subscriber)
            || (conversation.Phone is { } phone && ticket.Contact.Phone == phone))
        {
            return true;
        }

        var actor = conversation.Actor.Id;
        return await db.TimelineEntries.AnyAsync(e => e.TicketId == ticket.Id && e.Type == TimelineEntryType.Created && e.ActorId == actor, ct);
    }

    [GeneratedRegex(@"^(?:(?:estado|estatus|status|folio)[\s:]+)?(?<folio>[A-Za-z]{1,8}-\d{4}-\d{6,9})[\s.?!]*$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
