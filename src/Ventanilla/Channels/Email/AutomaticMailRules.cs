using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Messaging;
using Ventanilla.Tickets;

namespace Ventanilla.Channels.Email;

/// <summary>When an automatic email must not leave, even though it was queued.</summary>
internal static class AutomaticMailRules
{
    private static readonly TimeSpan Day = TimeSpan.FromHours(24);

    /// <summary>The reason, in Spanish, to hold this message back; null when it may go.</summary>
    public static async Task<string?> WithholdAsync(VentanillaDbContext db, OutboxMessage row, int dailyCap, DateTime now, CancellationToken ct)
    {
        // What an agent wrote goes out: a person chose to write to that address.
        if (row.Kind == OutboxKind.Reply)
        {
            return null;
        }

        var address = row.Recipient.Trim().ToLowerInvariant();
        if (await db.Subscribers.AnyAsync(s => s.Emails.Any(e => e.Address == address && e.FailingSince != null), ct))
        {
            return "no se envió el correo automático porque esa dirección rebotó un correo anterior.";
        }

        if (row.Kind != OutboxKind.Receipt)
        {
            return null;
        }

        // Counted from what really left, by recipient, so a loop stops whatever the subjects are;
        // channel, recipient and sent time lead the outbox index this count reads.
        var since = now - Day;
        var sent = await db.Outbox.CountAsync(m => m.Channel == ContactChannel.Email && m.Kind == OutboxKind.Receipt
            && m.Recipient == row.Recipient && m.State == OutboxState.Sent && m.SentAt >= since, ct);
        return sent >= dailyCap
            ? $"no se envió el acuse automático: esa dirección ya recibió {dailyCap} en las últimas 24 horas."
            : null;
    }
}
