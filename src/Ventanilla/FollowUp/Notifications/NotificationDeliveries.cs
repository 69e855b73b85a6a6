using Microsoft.EntityFrameworkCore;
using Ventanilla.Channels;
using Ventanilla.Data;

namespace Ventanilla.FollowUp.Notifications;

/// <summary>How far each of a ticket's notices got, keyed as its timeline entry names it.</summary>
public sealed class NotificationDeliveries(IReadOnlyDictionary<(string Event, DateTime At), OutboxState> states)
{
    public static readonly NotificationDeliveries None = new(new Dictionary<(string, DateTime), OutboxState>());

    public static async Task<NotificationDeliveries> ForTicketAsync(VentanillaDbContext db, long ticketId, CancellationToken ct)
    {
        var rows = await db.Outbox.AsNoTracking()
            .Where(m => m.TicketId == ticketId && m.Kind == OutboxKind.Notification && m.Event != null)
            .Select(m => new { m.Event, m.CreatedAt, m.State })
            .ToListAsync(ct);
        var states = new Dictionary<(string, DateTime), OutboxState>();
        foreach (var row in rows)
        {
            states[(row.Event!, row.CreatedAt)] = row.State;
        }

        return new NotificationDeliveries(states);
    }

    public OutboxState? StateOf(string? eventName, DateTime at) =>
        eventName is not null && states.TryGetValue((eventName, at), out var state) ? state : null;

    public static string Label(OutboxState state) => state switch
    {
        OutboxState.Pending => "pendiente de envío",
        OutboxState.Sent => "enviado",
        OutboxState.Delivered => "entregado",
        OutboxState.Read => "leído",
        OutboxState.Withheld => "retenido",
        OutboxState.Cancelled => "cancelado",
        _ => "no se pudo entregar",
    };
}
