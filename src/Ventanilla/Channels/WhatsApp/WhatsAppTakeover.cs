using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Tickets;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>
/// A staff member takes a WhatsApp conversation over from the bot, which then stays quiet until the
/// ticket ends. The one definition of "the bot is answering": no one has taken the conversation; a
/// staff reply on WhatsApp takes it too (<see cref="SilenceBotAsync"/>), so the bot asks nothing else.
/// </summary>
public static class WhatsAppTakeover
{
    /// <summary>True when the ticket has a WhatsApp conversation the bot was still answering.</summary>
    public static async Task<bool> IsBotAnsweringAsync(VentanillaDbContext db, long ticketId, CancellationToken ct) =>
        await db.WhatsAppConversations.AnyAsync(c => c.TicketId == ticketId && c.TakenOverBy == null, ct);

    /// <summary>
    /// Marks the ticket's conversations as taken and notes it on the loaded ticket, without saving: the
    /// ticket page saves it with its version check. Nothing changes when there was nothing to take.
    /// </summary>
    public static async Task TakeOverAsync(VentanillaDbContext db, Ticket ticket, Actor staff, DateTime now, CancellationToken ct)
    {
        if (await SilenceBotAsync(db, ticket.Id, staff, ct))
        {
            ticket.AddNote("Tomó la conversación de WhatsApp: el asistente automático deja de responder en este folio.", staff, now);
        }
    }

    /// <summary>Marks the conversations the bot was answering as taken by <paramref name="staff"/>, without saving; false when there were none.</summary>
    public static async Task<bool> SilenceBotAsync(VentanillaDbContext db, long ticketId, Actor staff, CancellationToken ct)
    {
        var conversations = await db.WhatsAppConversations.Where(c => c.TicketId == ticketId && c.TakenOverBy == null).ToListAsync(ct);
        foreach (var conversation in conversations)
        {
            conversation.TakeOver(staff.Id);
        }

        return conversations.Count > 0;
    }
}
