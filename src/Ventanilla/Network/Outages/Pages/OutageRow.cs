using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;

namespace Ventanilla.Network.Outages.Pages;

/// <summary>One outage as the list shows it: its nodes by code, the reports linked and the services it hits.</summary>
public sealed record OutageRow(Outage Outage, IReadOnlyList<string> Nodes, int Reports, int Services)
{
    /// <summary>Proposed first, then open ones, then the last restored, closed or dismissed.</summary>
    public static async Task<List<OutageRow>> ListAsync(VentanillaDbContext db, DateTime now, CancellationToken ct)
    {
        var recent = now.AddDays(-30);
        var outages = await db.Outages.AsNoTracking().Include(o => o.Nodes)
            .Where(o => o.Status == OutageStatus.Proposed || o.Status == OutageStatus.Investigating || o.Status == OutageStatus.Identified
                || o.Status == OutageStatus.Monitoring || o.UpdatedAt > recent)
            .OrderByDescending(o => o.Id).Take(200).ToListAsync(ct);
        var nodes = await OutageQueries.NodesOfAsync(db, outages, ct);
        var ids = outages.Select(o => o.Id).ToList();
        var linked = await db.Tickets.Where(t => t.OutageId != null && ids.Contains(t.OutageId.Value))
            .GroupBy(t => t.OutageId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var rows = new List<OutageRow>();
        foreach (var o in outages)
        {
            rows.Add(new OutageRow(o, [.. o.Nodes.Select(n => nodes.TryGetValue(n.NodeId, out var node) ? node.Code : "?")],
                linked.GetValueOrDefault(o.Id), await OutageQueries.ActiveServicesAsync(db, o, ct)));
        }

        return rows;
    }
}
