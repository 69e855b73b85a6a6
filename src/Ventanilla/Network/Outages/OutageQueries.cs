using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Subscribers.Services;
using Ventanilla.Tickets;

namespace Ventanilla.Network.Outages;

/// <summary>What the desk, its API and its report ask about outages, shared so they agree.</summary>
public static class OutageQueries
{
    /// <summary>An outage with its nodes and timeline, tracked for a change.</summary>
    public static Task<Outage?> LoadAsync(VentanillaDbContext db, long id, CancellationToken ct) =>
        db.Outages.AsSplitQuery().Include(o => o.Nodes).Include(o => o.Timeline).FirstOrDefaultAsync(o => o.Id == id, ct);

    public static IReadOnlyList<string> Paths(this Outage outage) => outage.Nodes.Select(n => n.NodePath).ToList();

    /// <summary>The nodes named by their codes, and the codes no node has.</summary>
    public static async Task<(List<NetworkNode> Found, List<string> Unknown)> NodesByCodeAsync(VentanillaDbContext db, IEnumerable<string> codes,
        CancellationToken ct)
    {
        // A JSON list may hold nulls; they name no node.
        var wanted = codes.OfType<string>().Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var found = await db.NetworkNodes.Where(n => wanted.Contains(n.Code)).ToListAsync(ct);
        return (found, wanted.Where(c => found.All(n => n.Code != c)).ToList());
    }

    /// <summary>The outage's nodes by id, for showing their codes and names.</summary>
    public static Task<Dictionary<long, NetworkNode>> NodesOfAsync(VentanillaDbContext db, IEnumerable<Outage> outages, CancellationToken ct)
    {
        var ids = outages.SelectMany(o => o.Nodes.Select(n => n.NodeId)).Distinct().ToList();
        return db.NetworkNodes.AsNoTracking().Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, ct);
    }

    public static Task<int> ActiveServicesAsync(VentanillaDbContext db, Outage outage, CancellationToken ct) =>
        outage.Nodes.Count == 0 ? Task.FromResult(0) : db.ActiveServicesUnder(outage.Paths()).CountAsync(ct);

    public static Task<int> LinkedReportsAsync(VentanillaDbContext db, long outageId, CancellationToken ct) =>
        db.Tickets.CountAsync(t => t.OutageId == outageId, ct);

    /// <summary>
    /// Open fault reports not linked to any outage that come from under the outage's nodes: by their
    /// service, or (with no service) by their subscriber having an active service there.
    /// </summary>
    public static IQueryable<Ticket> ProposedReports(VentanillaDbContext db, Outage outage)
    {
        var paths = outage.Paths();
        if (paths.Count == 0)
        {
            return db.Tickets.Where(t => false);
        }

        var services = db.ServicesUnder(paths).Select(s => s.Id);
        var subscribers = db.ActiveServicesUnder(paths).Where(s => s.SubscriberId != null).Select(s => s.SubscriberId!.Value);
        return db.Tickets
            .Where(t => t.OutageId == null && t.Kind == TicketKind.Fault)
            .Where(t => t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Notified && t.Status != TicketStatus.Closed
                && t.Status != TicketStatus.Cancelled)
            .Where(t => (t.ServiceId != null && services.Contains(t.ServiceId.Value))
                || (t.ServiceId == null && t.SubscriberId != null && subscribers.Contains(t.SubscriberId.Value)));
    }

    /// <summary>Links the given proposed reports (others are ignored); answers the folios linked.</summary>
    public static async Task<IReadOnlyList<string>> LinkAsync(VentanillaDbContext db, Outage outage, IReadOnlyCollection<long>? ticketIds,
        Actor actor, DateTime now, CancellationToken ct)
    {
        var query = ProposedReports(db, outage);
        if (ticketIds is not null)
        {
            query = query.Where(t => ticketIds.Contains(t.Id));
        }

        var tickets = await query.Include(t => t.Timeline).OrderBy(t => t.Id).ToListAsync(ct);
        foreach (var ticket in tickets)
        {
            ticket.LinkToOutage(outage, actor, now);
            outage.Record(OutageEntryType.ReportLinked, ticket.Folio, actor, now);
        }

        return tickets.Select(t => t.Folio).ToList();
    }
}
