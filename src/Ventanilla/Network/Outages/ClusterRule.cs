using System.Globalization;

namespace Ventanilla.Network.Outages;

/// <summary>What the clustering rule needs to know of a node: where it hangs and how many active services it has.</summary>
public sealed record ClusterNode(long Id, long? ParentId, string Path, string Code, int ActiveServices);

/// <summary>One recent fault report, already placed on the node its service hangs from.</summary>
public sealed record ClusterReport(long NodeId, DateTime ReportedAt);

public sealed record ClusterThresholds(int MinReports, TimeSpan Window, int MinSharePercent);

/// <summary>A node the rule says is failing: the outage to propose, with a key two runs agree on.</summary>
public sealed record ClusterProposal(ClusterNode Node, int Reports, DateTime FirstReportAt, string Reason)
{
    /// <summary><c>cluster:&lt;node&gt;:&lt;first report&gt;</c>: two runs over the same reports, or two nodes rolled up to one parent, propose once.</summary>
    public string ExternalKey => string.Create(CultureInfo.InvariantCulture, $"cluster:{Node.Id}:{FirstReportAt:yyyyMMddHHmm}");
}

/// <summary>
/// The clustering rule as a pure function. A node is hit when, within the window, at least the
/// minimum number of fault reports came from services hanging directly from it, or when at least
/// two reports did and they are at least the minimum share of its active services. Reports are not
/// summed up the tree (three scattered reports would otherwise always "hit" the root); instead, when
/// two or more children of one parent are hit, the parent is proposed in their place, and so on up.
/// Nodes already covered by an open or proposed outage are left out.
/// </summary>
public static class ClusterRule
{
    /// <summary>The share rule alone never fires on one report: a single subscriber of a small node is not a cluster.</summary>
    public const int MinReportsForShare = 2;

    public static IReadOnlyList<ClusterProposal> Propose(ClusterThresholds thresholds, IReadOnlyList<ClusterNode> nodes,
        IReadOnlyList<ClusterReport> reports, IReadOnlyCollection<string> coveredPaths, DateTime now)
    {
        var byId = nodes.ToDictionary(n => n.Id);
        var since = now - thresholds.Window;
        var recent = reports.Where(r => r.ReportedAt > since && r.ReportedAt <= now && byId.ContainsKey(r.NodeId)).ToList();
        var hits = new Dictionary<long, (int Reports, DateTime First)>();
        foreach (var group in recent.GroupBy(r => r.NodeId))
        {
            var node = byId[group.Key];
            var count = group.Count();
            var share = node.ActiveServices > 0 && count * 100 >= thresholds.MinSharePercent * node.ActiveServices;
            if (count >= thresholds.MinReports || (count >= MinReportsForShare && share))
            {
                hits[node.Id] = (count, group.Min(r => r.ReportedAt));
            }
        }

        RollUp(hits, byId);
        return hits
            .Where(h => !coveredPaths.Any(p => byId[h.Key].Path.StartsWith(p, StringComparison.Ordinal)))
            .OrderBy(h => h.Key)
            .Select(h => new ClusterProposal(byId[h.Key], h.Value.Reports, h.Value.First, Reason(byId[h.Key], h.Value.Reports, thresholds)))
            .ToList();
    }

    // Two or more hit siblings become their parent, until no parent has two hit children.
    private static void RollUp(Dictionary<long, (int Reports, DateTime First)> hits, Dictionary<long, ClusterNode> byId)
    {
        while (true)
        {
            var siblings = hits.Keys.Where(id => byId[id].ParentId is { } p && byId.ContainsKey(p))
                .GroupBy(id => byId[id].ParentId!.Value)
                .FirstOrDefault(g => g.Count() >= 2);
            if (siblings is null)
            {
                return;
            }

            var reports = siblings.Sum(id => hits[id].Reports);
            var first = siblings.Min(id => hits[id].First);
            foreach (var id in siblings.ToList())
            {
                hits.Remove(id);
            }

            var parent = hits.TryGetValue(siblings.Key, out var own) ? (own.Reports + reports, own.First < first ? own.First : first) : (reports, first);
            hits[siblings.Key] = parent;
        }
    }

    private static string Reason(ClusterNode node, int reports, ClusterThresholds t) => string.Create(CultureInfo.InvariantCulture,
        $"{reports} reportes de falla bajo el nodo {node.Code} en {t.Window.TotalMinutes:0} minutos ({node.ActiveServices} servicios activos en el nodo; umbral: {t.MinReports} reportes o {t.MinSharePercent} %).");
}
