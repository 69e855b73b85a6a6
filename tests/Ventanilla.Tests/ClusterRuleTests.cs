using Ventanilla.Network.Outages;

namespace Ventanilla.Tests;

/// <summary>The clustering rule as a pure function: reports, nodes and thresholds in, proposals out.</summary>
public class ClusterRuleTests
{
    private static readonly DateTime Now = new(2026, 3, 18, 17, 0, 0, DateTimeKind.Utc);
    private static readonly ClusterThresholds Defaults = new(3, TimeSpan.FromMinutes(15), 10);

    private static readonly ClusterNode Tower = new(1, null, "/1/", "TORRE", 0);
    private static readonly ClusterNode SectorA = new(2, 1, "/1/2/", "SEC-A", 100);
    private static readonly ClusterNode SectorB = new(3, 1, "/1/3/", "SEC-B", 100);
    private static readonly ClusterNode Small = new(4, 1, "/1/4/", "SMALL", 20);
    private static readonly ClusterNode[] Nodes = [Tower, SectorA, SectorB, Small];

    private static ClusterReport[] At(ClusterNode node, params int[] minutesAgo) =>
        [.. minutesAgo.Select(m => new ClusterReport(node.Id, Now.AddMinutes(-m)))];

    [Fact]
    public void Three_reports_within_the_window_hit_the_node()
    {
        var proposal = Assert.Single(ClusterRule.Propose(Defaults, Nodes, At(SectorA, 14, 7, 1), [], Now));

        Assert.Equal(SectorA, proposal.Node);
        Assert.Equal(3, proposal.Reports);
        Assert.Equal("cluster:2:202603181646", proposal.ExternalKey);
    }

    [Fact]
    public void Two_reports_or_one_outside_the_window_do_not()
    {
        Assert.Empty(ClusterRule.Propose(Defaults, Nodes, At(SectorA, 7, 1), [], Now));
        Assert.Empty(ClusterRule.Propose(Defaults, Nodes, At(SectorA, 16, 7, 1), [], Now));
    }

    [Fact]
    public void Two_reports_that_are_a_tenth_of_the_nodes_active_services_hit_it_but_one_never_does()
    {
        Assert.Single(ClusterRule.Propose(Defaults, Nodes, At(Small, 5, 4), [], Now));
        Assert.Empty(ClusterRule.Propose(Defaults, [new ClusterNode(5, null, "/5/", "TINY", 5)], [new ClusterReport(5, Now.AddMinutes(-1))], [], Now));
    }

    [Fact]
    public void Two_hit_siblings_are_proposed_as_their_parent()
    {
        var reports = At(SectorA, 10, 9, 8).Concat(At(SectorB, 3, 2, 1)).ToArray();

        var proposal = Assert.Single(ClusterRule.Propose(Defaults, Nodes, reports, [], Now));

        Assert.Equal(Tower, proposal.Node);
        Assert.Equal(6, proposal.Reports);
        Assert.Equal(Now.AddMinutes(-10), proposal.FirstReportAt);
    }

    [Fact]
    public void A_node_under_a_covered_path_is_left_out()
    {
        Assert.Empty(ClusterRule.Propose(Defaults, Nodes, At(SectorA, 3, 2, 1), ["/1/"], Now));
    }

    [Fact]
    public void The_same_reports_give_the_same_key_at_any_later_moment_inside_the_window()
    {
        var reports = At(SectorA, 5, 4, 3);
        var now = ClusterRule.Propose(Defaults, Nodes, reports, [], Now).Single().ExternalKey;
        var later = ClusterRule.Propose(Defaults, Nodes, reports, [], Now.AddMinutes(2)).Single().ExternalKey;

        Assert.Equal(now, later);
    }
}
