using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Messaging;

namespace Ventanilla.Channels.Email;

/// <summary>The email thread an outgoing message belongs to: which of our mailboxes, and which message it answers.</summary>
internal sealed record MailConversation(string? Mailbox, string? Answers)
{
    public static async Task<MailConversation> FindAsync(VentanillaDbContext db, OutboxMessage row, CancellationToken ct)
    {
        // An acknowledgement names the email it answers; a later reply continues the subscriber's latest email.
        var inbound = row.InReplyTo is { } original
            ? db.Inbox.Where(m => m.ExternalId == original)
            : db.Inbox.Where(m => m.TicketId != null && m.TicketId == row.TicketId && m.ExternalId != null);
        var latest = await inbound.OrderByDescending(m => m.Id).Select(m => new { m.Mailbox, m.ExternalId }).FirstOrDefaultAsync(ct);
        return new MailConversation(latest?.Mailbox, row.InReplyTo ?? latest?.ExternalId);
    }
}
