using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Data;
using Ventanilla.Network;
using Ventanilla.Network.Outages;
using Ventanilla.Subscribers;
using Ventanilla.Subscribers.Services;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests.Outages;

/// <summary>
/// A small network for outage tests: site ZAC with sectors A (CP 98000, Centro) and B (CP 98600,
/// Guadalupe). Ana (WhatsApp) has one service on A; Beto (email) two on A; Carla's service on A is
/// suspended; Diego's is on B; Elena has one on A and one on B, at different addresses.
/// </summary>
internal sealed record OutageWorld(long SectorA, long SectorB, long Ana, long Beto, long Carla, long Diego, long Elena)
{
    public static readonly Actor Supervisor = new("supervisor-1", "Sara Supervisora");

    public const string AnaPhone = "+524921110001";

    public static Task<OutageWorld> SeedAsync(VentanillaApp app) => app.WithDbAsync(async db =>
    {
        var now = app.Now;
        var site = NetworkNode.Create("ZAC", "Zacatecas", "sitio", now);
        var a = NetworkNode.Create("ZAC-A", "Sector A", "sector", now);
        var b = NetworkNode.Create("ZAC-B", "Sector B", "sector", now);
        db.NetworkNodes.AddRange(site, a, b);
        await db.SaveChangesAsync();
        // A new node's path is "/" until it is placed, which PlaceUnder reads as "above every node": placed as a root first.
        foreach (var node in new[] { site, a, b })
        {
            node.PlaceUnder(null, now);
        }

        a.PlaceUnder(site, now);
        b.PlaceUnder(site, now);
        a.Describe("Sector A", "sector", "98000", "Centro", now);
        b.Describe("Sector B", "sector", "98600", "Guadalupe;Las Quintas", now);

        var ana = Person("NM-1001", "Ana Ruiz", [AnaPhone], [], [new WhatsAppIdentity("5214921110001", null)], now);
        var beto = Person("NM-1002", "Beto Salas", ["+524921110002"], ["beto@example.mx"], [], now);
        var carla = Person("NM-1003", "Carla Díaz", [], ["carla@example.mx"], [], now);
        var diego = Person("NM-1004", "Diego Luna", ["+524921110004"], ["diego@example.mx"], [], now);
        var elena = Person("NM-1005", "Elena Mora", [], ["elena@example.mx"], [], now);
        db.Subscribers.AddRange(ana, beto, carla, diego, elena);
        await db.SaveChangesAsync();

        db.Services.AddRange(
            Service("A-1", ana, a, "Av. Hidalgo 120", "98000", ServiceState.Active, now),
            Service("A-2", beto, a, "Calle Juárez 5", "98000", ServiceState.Active, now),
            Service("A-3", beto, a, "Calle Morelos 9", "98000", ServiceState.Active, now),
            Service("A-4", carla, a, "Calle Allende 1", "98000", ServiceState.Suspended, now),
            Service("B-1", diego, b, "Calle Pino 8", "98600", ServiceState.Active, now),
            Service("E-1", elena, a, "Calle Olivo 3", "98000", ServiceState.Active, now),
            Service("E-2", elena, b, "Calle Sauce 4", "98600", ServiceState.Active, now));
        await db.SaveChangesAsync();
        return new OutageWorld(a.Id, b.Id, ana.Id, beto.Id, carla.Id, diego.Id, elena.Id);
    });

    /// <summary>Declares an outage on sector A as a supervisor would, estimated 3 hours from now.</summary>
    public Task<long> DeclareOnAAsync(VentanillaApp app, OutageKind kind = OutageKind.Unplanned, DateTime? startedAt = null, DateTime? estimate = null) =>
        app.WithDbAsync(async db =>
        {
            var a = await db.NetworkNodes.SingleAsync(n => n.Id == SectorA);
            var outage = Outage.Declare(new OutageDraft(kind, "Corte de fibra en el sector A", [a], startedAt, null, estimate ?? app.Now.AddHours(3)),
                OutageSource.Staff, Supervisor, app.Now);
            db.Outages.Add(outage);
            await db.SaveChangesAsync();
            return outage.Id;
        });

    /// <summary>Changes an outage as the desk does, through its own rules.</summary>
    public static Task ChangeAsync(VentanillaApp app, long outageId, Func<Outage, OutageRefusal?> change) => app.WithDbAsync(async db =>
    {
        var outage = await db.Outages.Include(o => o.Nodes).SingleAsync(o => o.Id == outageId);
        Assert.Null(change(outage));
        await db.SaveChangesAsync();
        return 0;
    });

    public static async Task<int> NoticePassAsync(VentanillaApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutageNoticeRounds>().QueueDueAsync();
    }

    public static async Task<int> RestorationPassAsync(VentanillaApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutageRestoration>().RunAsync();
    }

    /// <summary>The jobs are run by the tests, pass by pass.</summary>
    public static Dictionary<string, string?> Settings(int noticesPerMinute = 600) => new()
    {
        ["Outages:RunInBackground"] = "false",
        ["Outages:NoticesPerMinute"] = noticesPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static Subscriber Person(string account, string name, IReadOnlyList<string> phones, IReadOnlyList<string> emails,
        IReadOnlyList<WhatsAppIdentity> whatsApp, DateTime now) =>
        Subscriber.Create(new SubscriberDetails(account, name, phones, emails, whatsApp, [], null, null, null, true, false), now);

    private static Service Service(string code, Subscriber owner, NetworkNode node, string street, string postalCode, ServiceState state, DateTime now)
    {
        var service = Subscribers.Services.Service.Create(code, now);
        service.Apply(new ServiceDetails(owner.AccountNumber, state, "Internet 50 Mbps", 450m, 10, street, null, postalCode), owner.Id, node.Id, now);
        return service;
    }
}
