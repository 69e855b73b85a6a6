using System.Text.Json;
using Ventanilla.Data;
using Ventanilla.Messaging;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>
/// What one stored inbox row becomes (a single message or status, as the webhook stores them; rows
/// stored whole by earlier versions may hold several): delivery states on our messages, and each user
/// message through the conversation.
/// </summary>
internal sealed class WhatsAppInboundHandler(VentanillaDbContext db, DeliveryReports reports, ConversationBot bot, WriteGate gate, TimeProvider clock,
    ILogger<WhatsAppInboundHandler> log)
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
            await gate.SaveAsync(db, ct);
            return;
        }

        foreach (var item in payload.Skipped)
        {
            // One unreadable item must not hold back the rest of the post; the log keeps what was left out.
            log.LogWarning("Del aviso de WhatsApp {Id} se omitió un elemento ilegible: {Item}", row.Id, item);
        }

        foreach (var status in payload.Statuses)
        {
            await reports.ApplyAsync(status, ct);
        }

        long? ticketId = null;
        try
        {
            for (var i = 0; i < payload.Messages.Count; i++)
            {
                ticketId = await bot.HandleAsync(payload.Messages[i], row.ReceivedAt, ct) ?? ticketId;
                if (i < payload.Messages.Count - 1)
                {
                    // Each message is saved with its seen key, so a later one failing does not undo it.
                    await bot.SaveAsync(ct);
                }
            }

            // The (last) message's effect and the row's processed mark go in one commit.
            row.Processed(ticketId, clock.GetUtcNow().UtcDateTime);
            await bot.SaveAsync(ct);
        }
        finally
        {
            await bot.EndAsync();
        }
    }
}
