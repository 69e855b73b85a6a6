using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Messaging;
using Ventanilla.Tickets;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>
/// Applies Meta's delivery statuses to the messages we sent, found by their <c>wamid</c>. A state
/// never moves back nor repeats (<see cref="OutboxMessage.Advance"/>), so a redelivered status
/// changes nothing and needs no record of its own.
/// </summary>
internal sealed class DeliveryReports(VentanillaDbContext db, WriteGate gate, TimeProvider clock)
{
    public async Task ApplyAsync(StatusReport report, CancellationToken ct)
    {
        if (report.MessageId.Length == 0 || State(report.Status) is not { } state)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var message = await db.Outbox.FirstOrDefaultAsync(m => m.MessageId == report.MessageId && m.Channel == ContactChannel.Whatsapp, ct);
        if (message is null)
        {
            // Not one of ours (sent from another tool on the same number): nothing to update.
            return;
        }

        var error = report.ErrorCode is { } code
            ? string.Create(CultureInfo.InvariantCulture, $"error {code}: {report.ErrorTitle ?? "sin descripción"}")
            : report.ErrorTitle;
        if (!message.Advance(state, error, now))
        {
            return;
        }

        if (state == OutboxState.Failed && message.TicketId is { } ticketId)
        {
            var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId, ct);
            ticket.RecordDeliveryFailure(ContactChannel.Whatsapp, message.Recipient, $"WhatsApp informó {error}", now);
        }

        await gate.SaveAsync(db, ct);
    }

    private static OutboxState? State(string status) => status switch
    {
        "sent" => OutboxState.Sent,
        "delivered" => OutboxState.Delivered,
        "read" => OutboxState.Read,
        "failed" => OutboxState.Failed,
        _ => null,
    };
}
