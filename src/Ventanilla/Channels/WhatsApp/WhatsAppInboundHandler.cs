using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>What one stored webhook post becomes: delivery states on our messages, and each user message through the conversation.</summary>
internal sealed class WhatsAppInboundHandler(VentanillaDbContext db, DeliveryReports reports, ConversationBot bot, TimeProvider clock)
{
    public async Task HandleAsync(InboundMessage row, CancellationToken ct)
    {
        WebhookPayload payload;
        try
        {
            payload = WebhookPayload.Parse(row.Raw);
        }
        catch (JsonException)
        {
            row.Flag("El aviso no es JSON válido; se guarda tal como llegó.", clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            return;
        }

        foreach (var status in payload.Statuses)
        {
            await reports.ApplyAsync(status, ct);
        }

        long? ticketId = null;
        foreach (var message in payload.Messages)
        {
            ticketId = await bot.HandleAsync(message, row.ReceivedAt, ct) ?? ticketId;
        }

        row.Processed(ticketId, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }
}
