using Ventanilla.Data;
using Ventanilla.Network.Outages;
using static Ventanilla.IntegrationTests.Outages.OutageDeskWorld;

namespace Ventanilla.IntegrationTests.Outages;

/// <summary>Fault reports clustered under one node propose an outage for a supervisor to confirm.</summary>
public class ClusteringTests
{
    [Theory, BothDatabases]
    public async Task Three_fault_reports_under_one_node_within_15_minutes_propose_one_outage_and_a_second_run_proposes_nothing_more(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        await TreeAsync(app, ("TORRE-1", null), ("SEC-1A", "TORRE-1"));
        var services = await ServicesAsync(app, "SEC-1A", 40);
        foreach (var minutes in new[] { 12, 8, 2 })
        {
            await FaultAsync(app, services[minutes], app.Now.AddMinutes(-minutes));
        }

        var first = await ClusterAsync(app);
        var second = await ClusterAsync(app);

        var outage = Assert.Single(await OutagesAsync(app));
        Assert.Single(first);
        Assert.Empty(second);
        Assert.Equal(OutageStatus.Proposed, outage.Status);
        Assert.Equal(OutageSource.Clustering, outage.Source);
        Assert.Null(outage.DeclaredAt);
        Assert.StartsWith("cluster:", outage.ExternalKey, StringComparison.Ordinal);
        Assert.Contains("3 reportes de falla bajo el nodo SEC-1A", outage.Timeline.Single().Body, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Two_reports_or_reports_outside_the_window_propose_nothing(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        await TreeAsync(app, ("SEC-1", null), ("SEC-2", null));
        var one = await ServicesAsync(app, "SEC-1", 40);
        var two = await ServicesAsync(app, "SEC-2", 40);
        await FaultAsync(app, one[0], app.Now.AddMinutes(-5));
        await FaultAsync(app, one[1], app.Now.AddMinutes(-3));
        await FaultAsync(app, two[0], app.Now.AddMinutes(-50));
        await FaultAsync(app, two[1], app.Now.AddMinutes(-40));
        await FaultAsync(app, two[2], app.Now.AddMinutes(-2));

        Assert.Empty(await ClusterAsync(app));
        Assert.Empty(await OutagesAsync(app));
    }

    [Theory, BothDatabases]
    public async Task Two_reports_are_enough_when_they_are_a_tenth_of_the_nodes_active_services(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        await TreeAsync(app, ("SMALL", null), ("LARGE", null));
        var small = await ServicesAsync(app, "SMALL", 20);
        await ServicesAsync(app, "SMALL", 5, Subscribers.Services.ServiceState.Cancelled);
        var large = await ServicesAsync(app, "LARGE", 21);
        await FaultAsync(app, small[0], app.Now.AddMinutes(-5));
        await FaultAsync(app, small[1], app.Now.AddMinutes(-4));
        await FaultAsync(app, large[0], app.Now.AddMinutes(-5));
        await FaultAsync(app, large[1], app.Now.AddMinutes(-4));

        var proposed = Assert.Single(await ClusterAsync(app));

        var node = Assert.Single(proposed.Nodes);
        Assert.Equal((await TreeIdsAsync(app))["SMALL"], node.NodeId);
    }

    [Theory, BothDatabases]
    public async Task Two_hit_sibling_nodes_roll_up_to_one_proposal_for_their_parent(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        await TreeAsync(app, ("TORRE-1", null), ("SEC-1A", "TORRE-1"), ("SEC-1B", "TORRE-1"), ("SEC-1C", "TORRE-1"));
        var a = await ServicesAsync(app, "SEC-1A", 40);
        var b = await ServicesAsync(app, "SEC-1B", 40);
        for (var i = 0; i < 3; i++)
        {
            await FaultAsync(app, a[i], app.Now.AddMinutes(-10 + i));
            await FaultAsync(app, b[i], app.Now.AddMinutes(-9 + i));
        }

        var proposed = Assert.Single(await ClusterAsync(app));

        Assert.Equal((await TreeIdsAsync(app))["TORRE-1"], Assert.Single(proposed.Nodes).NodeId);
        Assert.Contains("6 reportes de falla bajo el nodo TORRE-1", proposed.Timeline.Single().Body, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_report_whose_subscriber_has_one_active_service_counts_under_that_services_node(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        await TreeAsync(app, ("SEC-1", null));
        var services = await ServicesAsync(app, "SEC-1", 40);
        for (var i = 0; i < 3; i++)
        {
            await FaultAsync(app, services[i], app.Now.AddMinutes(-3), pointAtService: false);
        }

        Assert.Single(await ClusterAsync(app));
    }

    [Theory, BothDatabases]
    public async Task A_node_under_an_open_outage_is_not_proposed_again(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        await TreeAsync(app, ("TORRE-1", null), ("SEC-1A", "TORRE-1"));
        var services = await ServicesAsync(app, "SEC-1A", 40);
        await app.Api().PostAsync("/api/v1/outages", new { kind = "unplanned", title = "Caída de la torre", nodes = new[] { "TORRE-1" } });
        for (var i = 0; i < 4; i++)
        {
            await FaultAsync(app, services[i], app.Now.AddMinutes(-3));
        }

        Assert.Empty(await ClusterAsync(app));
    }

    private static Task<Dictionary<string, long>> TreeIdsAsync(VentanillaApp app) =>
        app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToDictionaryAsync(db.NetworkNodes, n => n.Code, n => n.Id, default));
}
