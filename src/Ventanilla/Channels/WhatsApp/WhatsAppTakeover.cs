using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Tickets;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>A staff member takes a WhatsApp conversation over from the bot, which then stays quiet until the ticket ends.</summary>
public static class WhatsAppTakeover
{
    /// <summary>True when the ticket has a WhatsApp conversation the bot was still answering.</summary>
    public static async Task<bool> IsBotAnsweringAsync(VentanillaDbContext db, long ticketId, CancellationToken ct) =>
        await db.WhatsAppConversations.AnyAsync(c => c.TicketId == ticketId && c.TakenOverBy == null, ct);

    /// <summary>Marks the conversation as taken and notes it on the ticket; false when there was nothing to take.</summary>
    public static async Task<int> TakeOverAsync(VentanillaDbContext db, long ticketId, Actor staff, DateTime now, CancellationToken ct)
    {
        var conversations = await db.WhatsAppConversations.Where(c => c.TicketId == ticketId && c.TakenOverBy == null).ToListAsync(ct);
        if (conversations.Count == 0)
        {
            return 0;
        }

        foreach (var conversation in conversations)
        {
            conversation.TakeOver(staff.Id);
        }

        var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId, ct);
        ticket.AddNote("Tomó la conversación de WhatsApp: el asistente automático deja de responder en este folio.", staff, now);
        await db.SaveChangesAsync(ct);
        return conversations.Count;
    }
}
