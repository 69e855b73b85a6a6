using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Data;
using Ventanilla.Network;
using Ventanilla.Network.Outages;
using Ventanilla.Subscribers.Services;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests.Outages;

/// <summary>A small network with services and fault reports, built straight into the database, for the outage desk's tests.</summary>
internal static class OutageDeskWorld
{
    public const string MonitoringSecret = "secreto-de-monitoreo-de-prueba";

    public static readonly Dictionary<string, string?> Settings = new(FollowUpRulesSteps.QuietJobs)
    {
        ["Outages:MonitoringSecret"] = MonitoringSecret,
        ["Outages:RunClusteringInBackground"] = "false",
    };

    public static Task<VentanillaApp> StartAsync(DatabaseKind database) => VentanillaApp.StartAsync(database, Settings);

    /// <summary>Nodes by code, each under the parent named (null: a root), in the order given.</summary>
    public static async Task<Dictionary<string, long>> TreeAsync(VentanillaApp app, params (string Code, string? Parent)[] nodes)
    {
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        await app.WithDbAsync(async db =>
        {
            foreach (var (code, parent) in nodes)
            {
                var node = NetworkNode.Create(code, "Nodo " + code, "sector", app.Now);
                db.NetworkNodes.Add(node);
                await db.SaveChangesAsync();
                // A new node's path is "/", which every node starts with: it gets its own path as a root first.
                node.PlaceUnder(null, app.Now);
                if (parent is not null)
                {
                    node.PlaceUnder(await db.NetworkNodes.SingleAsync(n => n.Code == parent), app.Now);
                }

                await db.SaveChangesAsync();
                ids[code] = node.Id;
            }

            return 0;
        });
        return ids;
    }

    /// <summary>Services hanging from a node, each for a new subscriber; answers their ids.</summary>
    public static async Task<List<long>> ServicesAsync(VentanillaApp app, string node, int count, ServiceState state = ServiceState.Active,
        decimal price = 500m)
    {
        var ids = new List<long>();
        var start = await app.WithDbAsync(db => db.Services.CountAsync());
        var subscribers = new List<long>();
        for (var i = 0; i < count; i++)
        {
            var created = await app.Api().PostAsync("/api/v1/subscribers", new { accountNumber = $"C-{node}-{start + i + 1}", name = $"Suscriptora {node} {start + i + 1}" });
            subscribers.Add(created.Body.GetProperty("id").GetInt64());
        }

        await app.WithDbAsync(async db =>
        {
            var at = await db.NetworkNodes.SingleAsync(n => n.Code == node);
            for (var i = 0; i < count; i++)
            {
                var code = $"SRV-{node}-{start + i + 1}";
                var service = Service.Create(code, app.Now);
                service.Apply(new ServiceDetails($"C-{node}-{start + i + 1}", state, "Internet 50", price, 15, "Calle 1", "Centro", "98000"), subscribers[i], at.Id, app.Now);
                db.Services.Add(service);
                await db.SaveChangesAsync();
                ids.Add(service.Id);
            }

            return 0;
        });
        return ids;
    }

    /// <summary>A fault report about a service, reported at the given time; answers its folio.</summary>
    public static async Task<string> FaultAsync(VentanillaApp app, long serviceId, DateTime reportedAt, bool pointAtService = true)
    {
        var report = Json.Fault();
        report["reportedAt"] = reportedAt;
        var folio = (await app.Api().PostAsync("/api/v1/tickets", report)).Body.Str("folio");
        await app.WithDbAsync(async db =>
        {
            var ticket = await db.Tickets.Include(t => t.Timeline).SingleAsync(t => t.Folio == folio);
            var service = await db.Services.SingleAsync(s => s.Id == serviceId);
            if (pointAtService)
            {
                ticket.PointAtService(service.Id, service.Code, Actor.System, app.Now);
            }

            var subscriber = await db.Subscribers.SingleAsync(s => s.Id == service.SubscriberId);
            ticket.LinkSubscriber(subscriber, Actor.System, app.Now);
            await db.SaveChangesAsync();
            return 0;
        });
        return folio;
    }

    public static Task<List<Outage>> OutagesAsync(VentanillaApp app) =>
        app.WithDbAsync(db => db.Outages.Include(o => o.Nodes).Include(o => o.Timeline).OrderBy(o => o.Id).ToListAsync());

    public static Task<IReadOnlyList<Outage>> ClusterAsync(VentanillaApp app) =>
        app.Services.GetRequiredService<OutageClustering>().ProposeAsync(CancellationToken.None);
}
