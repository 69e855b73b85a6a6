using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Tickets;

namespace Ventanilla.Messaging.Outbox;

/// <summary>Retry and cancel from the outbox page; a cancelled message is written on its ticket, with who called it off.</summary>
public static class OutboxActions
{
    public const string Gone = "Ese mensaje ya no está en la salida.";

    /// <summary>Answers why not, or null when saved.</summary>
    public static async Task<string?> RetryAsync(VentanillaDbContext db, long id, DateTime now, CancellationToken ct)
    {
        if (await db.Outbox.FirstOrDefaultAsync(m => m.Id == id, ct) is not { } message)
        {
            return Gone;
        }

        if (message.Retry(now) is { } refusal)
        {
            return refusal;
        }

        await db.SaveChangesAsync(ct);
        return null;
    }

    public static async Task<string?> CancelAsync(VentanillaDbContext db, long id, Actor actor, DateTime now, CancellationToken ct)
    {
        if (await db.Outbox.FirstOrDefaultAsync(m => m.Id == id, ct) is not { } message)
        {
            return Gone;
        }

        if (message.Cancel(now) is { } refusal)
        {
            return refusal;
        }

        if (message.TicketId is { } ticketId && await db.Tickets.FirstOrDefaultAsync(t => t.Id == ticketId, ct) is { } ticket)
        {
            // Whoever reads the folio must know the subscriber was not told, and who decided it.
            ticket.AddNote($"Envío cancelado: {DeliveryLabels.Kind(message.Kind).ToLowerInvariant()} por {SpanishLabels.Of(message.Channel)} a {message.Recipient} no se enviará (lo canceló {actor.Name}).", actor, now);
        }

        await db.SaveChangesAsync(ct);
        return null;
    }
}
