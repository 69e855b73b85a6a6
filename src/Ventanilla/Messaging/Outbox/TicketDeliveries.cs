using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Tickets;

namespace Ventanilla.Messaging.Outbox;

/// <summary>One outgoing message as the console shows it: where it went and how far it got.</summary>
public sealed record Delivery(long Id, long? TicketId, ContactChannel Channel, OutboxKind Kind, string? Event, string Recipient,
    DateTime CreatedAt, OutboxState State, int Attempts, string? LastError);

/// <summary>
/// Every message a ticket sent or meant to send, with the channels' reach, so the timeline can tell
/// each one's state beside the line that caused it, and show the rest on their own.
/// </summary>
public sealed class TicketDeliveries(IReadOnlyList<Delivery> all, ChannelReach reach)
{
    public static readonly TicketDeliveries None = new([], new ChannelReach(true, true));

    public IReadOnlyList<Delivery> All => all;

    public ChannelReach Reach => reach;

    public static async Task<TicketDeliveries> LoadAsync(VentanillaDbContext db, long ticketId, ChannelReach reach, CancellationToken ct) =>
        new(await db.Outbox.AsNoTracking().Where(m => m.TicketId == ticketId).OrderBy(m => m.Id)
            .Select(m => new Delivery(m.Id, m.TicketId, m.Channel, m.Kind, m.Event, m.Recipient, m.CreatedAt, m.State, m.Attempts, m.LastError))
            .ToListAsync(ct), reach);

    /// <summary>
    /// The messages a timeline line stands for: an agent's reply is queued in the same instant as its
    /// line, the receipts with the filing, a notice with its line and event.
    /// </summary>
    public IReadOnlyList<Delivery> For(TimelineEntry entry) => entry.Type switch
    {
        TimelineEntryType.Created => [.. all.Where(d => d.Kind == OutboxKind.Receipt && d.CreatedAt == entry.At)],
        TimelineEntryType.MessageOut => [.. all.Where(d => d.Kind == OutboxKind.Reply && d.Channel == entry.Channel && d.CreatedAt == entry.At)],
        TimelineEntryType.NotificationQueued => [.. all.Where(d => d.Kind == OutboxKind.Notification && d.Event == entry.Field && d.CreatedAt == entry.At)],
        _ => [],
    };

    /// <summary>Messages no timeline line stands for (the WhatsApp assistant's, the portal's codes): shown on their own.</summary>
    public IReadOnlyList<Delivery> Unmatched(IEnumerable<TimelineEntry> timeline)
    {
        var matched = timeline.SelectMany(For).Select(d => d.Id).ToHashSet();
        return [.. all.Where(d => !matched.Contains(d.Id))];
    }
}
