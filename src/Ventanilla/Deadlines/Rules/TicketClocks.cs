using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Tickets;

namespace Ventanilla.Deadlines.Rules;

/// <summary>Works a ticket's two clocks out again under the current rules, counting its pauses.</summary>
public static class TicketClocks
{
    public static async Task<List<TicketPause>> PausesAsync(VentanillaDbContext db, long ticketId, CancellationToken ct) =>
        await db.Set<TicketPause>().Where(p => p.TicketId == ticketId).OrderBy(p => p.From).ToListAsync(ct);

    /// <summary>Sets both clocks; answers the resolution clock's due time before and after.</summary>
    public static (DateTime? Before, DateTime? After, ClockTimes? Resolution) Recompute(Ticket ticket, string? areaCode, FollowUpSnapshot rules,
        IReadOnlyList<(DateTime From, DateTime? To)> pauses)
    {
        var before = ticket.DueAt;
        var first = rules.Clock(DeadlineKind.FirstResponse, ticket.Kind, ticket.Channel, areaCode, ticket.Priority, ticket.ReportedAt, pauses);
        var resolution = rules.Clock(DeadlineKind.Resolution, ticket.Kind, ticket.Channel, areaCode, ticket.Priority, ticket.ReportedAt, pauses);
        ticket.SetClocks(first, resolution);
        return (before, ticket.DueAt, resolution);
    }
}
