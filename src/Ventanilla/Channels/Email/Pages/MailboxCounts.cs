using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Messaging;

namespace Ventanilla.Channels.Email.Pages;

/// <summary>What each mailbox has brought in, by state, counted from the inbox table itself.</summary>
public sealed record MailboxCounts(int Stored, int Processed, int Flagged)
{
    public static async Task<Dictionary<string, MailboxCounts>> ForAllAsync(VentanillaDbContext db)
    {
        var rows = await db.Inbox.Where(m => m.Channel == Tickets.ContactChannel.Email)
            .GroupBy(m => new { m.Mailbox, m.State })
            .Select(g => new { g.Key.Mailbox, g.Key.State, Count = g.Count() })
            .ToListAsync();
        return rows.GroupBy(r => r.Mailbox, StringComparer.OrdinalIgnoreCase).ToDictionary(
            g => g.Key,
            g => new MailboxCounts(
                g.Sum(r => r.Count),
                g.Where(r => r.State == InboundState.Processed).Sum(r => r.Count),
                g.Where(r => r.State == InboundState.Flagged).Sum(r => r.Count)),
            StringComparer.OrdinalIgnoreCase);
    }
}
