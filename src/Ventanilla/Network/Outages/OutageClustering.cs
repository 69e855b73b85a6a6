using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ventanilla.Data;
using Ventanilla.Hosting;
using Ventanilla.Subscribers.Services;
using Ventanilla.Tickets;

namespace Ventanilla.Network.Outages;

/// <summary>
/// Proposes outages from clustered fault reports (see <see cref="ClusterRule"/>): a proposal waits for
/// a supervisor's one-click confirmation, and nothing is linked or told before that.
/// </summary>
public sealed class OutageClustering(IServiceScopeFactory scopes, IOptions<OutageOptions> options, TimeProvider clock,
    ILogger<OutageClustering> log) : PeriodicJob(clock, log)
{
    protected override TimeSpan Interval => options.Value.ClusteringInterval;

    protected override bool RunsInBackground => options.Value.RunClusteringInBackground;

    protected override async Task RunPassAsync(CancellationToken ct) => await ProposeAsync(ct);

    /// <summary>One look at the recent reports; answers the outages it proposed.</summary>
    public async Task<IReadOnlyList<Outage>> ProposeAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        var settings = await OutageDetectionSettings.LoadAsync(db, ct);
        if (!settings.Enabled)
        {
            return [];
        }

        var now = Clock.GetUtcNow().UtcDateTime;
        var thresholds = settings.Thresholds;
        var since = now - thresholds.Window;
        var reports = await RecentReportsAsync(db, since, now, ct);
        if (reports.Count == 0)
        {
            return [];
        }

        var nodes = await NodesAroundAsync(db, reports.Select(r => r.NodeId).Distinct().ToList(), ct);
        // Open and proposed outages cover their nodes; one dismissed within the window does too, so a
        // supervisor who said "no" is not asked again about the same reports.
        var covered = await db.OutageNodes
            .Where(n => db.Outages.Any(o => o.Id == n.OutageId && (o.Status == OutageStatus.Proposed || o.Status == OutageStatus.Investigating
                || o.Status == OutageStatus.Identified || o.Status == OutageStatus.Monitoring
                || (o.Status == OutageStatus.Dismissed && o.ClosedAt > since))))
            .Select(n => n.NodePath).Distinct().ToListAsync(ct);
        var proposals = ClusterRule.Propose(thresholds, nodes, reports, covered, now);
        var proposed = new List<Outage>();
        foreach (var proposal in proposals)
        {
            var key = proposal.ExternalKey;
            if (await db.Outages.AnyAsync(o => o.ExternalKey == key, ct))
            {
                continue;
            }

            var node = await db.NetworkNodes.SingleAsync(n => n.Id == proposal.Node.Id, ct);
            var draft = new OutageDraft(OutageKind.Unplanned, $"Posible falla en {node.Name} ({node.Code})", [node],
                StartedAt: proposal.FirstReportAt, DetectedAt: now);
            var outage = Outage.Propose(draft, proposal.Reason, now, key);
            db.Outages.Add(outage);
            proposed.Add(outage);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (proposed.Count > 0)
        {
            // Another process proposed the same cluster a moment ago (the key is unique): its proposal stands.
            return [];
        }

        return proposed;
    }

    /// <summary>
    /// Fault reports of the window placed on a node: by their service, or by their subscriber's only
    /// active service (with several, the report cannot say which address fails).
    /// </summary>
    private static async Task<List<ClusterReport>> RecentReportsAsync(VentanillaDbContext db, DateTime since, DateTime now, CancellationToken ct)
    {
        var tickets = await db.Tickets.AsNoTracking()
            .Where(t => t.Kind == TicketKind.Fault && t.Status != TicketStatus.Cancelled && t.ReportedAt > since && t.ReportedAt <= now)
            .Select(t => new { t.ReportedAt, t.ServiceId, t.SubscriberId })
            .ToListAsync(ct);
        var serviceIds = tickets.Select(t => t.ServiceId).OfType<long>().Distinct().ToList();
        var byService = await db.Services.AsNoTracking().Where(s => serviceIds.Contains(s.Id) && s.NodeId != null)
            .ToDictionaryAsync(s => s.Id, s => s.NodeId!.Value, ct);
        var subscriberIds = tickets.Where(t => t.ServiceId is null).Select(t => t.SubscriberId).OfType<long>().Distinct().ToList();
        var bySubscriber = (await db.Services.AsNoTracking()
                .Where(s => s.SubscriberId != null && subscriberIds.Contains(s.SubscriberId.Value) && s.State == ServiceState.Active)
                .Select(s => new { SubscriberId = s.SubscriberId!.Value, s.NodeId })
                .ToListAsync(ct))
            .GroupBy(s => s.SubscriberId)
            .Where(g => g.Count() == 1 && g.Single().NodeId is not null)
            .ToDictionary(g => g.Key, g => g.Single().NodeId!.Value);

        var reports = new List<ClusterReport>();
        foreach (var t in tickets)
        {
            long? node = t.ServiceId is { } s ? byService.GetValueOrDefault(s) : t.SubscriberId is { } sub ? bySubscriber.GetValueOrDefault(sub) : null;
            if (node is > 0)
            {
                reports.Add(new ClusterReport(node.Value, t.ReportedAt));
            }
        }

        return reports;
    }

    /// <summary>The reported nodes and their ancestors, each with its count of active services.</summary>
    private static async Task<List<ClusterNode>> NodesAroundAsync(VentanillaDbContext db, List<long> reported, CancellationToken ct)
    {
        var paths = await db.NetworkNodes.AsNoTracking().Where(n => reported.Contains(n.Id)).Select(n => n.Path).ToListAsync(ct);
        var ids = paths.SelectMany(p => p.Split('/', StringSplitOptions.RemoveEmptyEntries))
            .Select(s => long.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).Distinct().ToList();
        var nodes = await db.NetworkNodes.AsNoTracking().Where(n => ids.Contains(n.Id))
            .Select(n => new { n.Id, n.ParentId, n.Path, n.Code }).ToListAsync(ct);
        var active = await db.Services.AsNoTracking().Where(s => s.State == ServiceState.Active && s.NodeId != null && ids.Contains(s.NodeId.Value))
            .GroupBy(s => s.NodeId!.Value).Select(g => new { Node = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Node, g => g.Count, ct);
        return nodes.Select(n => new ClusterNode(n.Id, n.ParentId, n.Path, n.Code, active.GetValueOrDefault(n.Id))).ToList();
    }
}
