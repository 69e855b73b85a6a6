using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Data;
using Ventanilla.Network;
using Ventanilla.Network.Compensation;
using Ventanilla.Network.Outages;
using Ventanilla.Subscribers;
using Ventanilla.Subscribers.Services;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests.Compensation;

/// <summary>A small network, its services and outages, written straight to the database for the ledger to read.</summary>
internal static class CompensationWorld
{
    /// <summary>Wednesday 20 May 2026, noon in Mexico City: a cut-off day of 15 makes 16 April – 15 May a 30-day period.</summary>
    public static readonly DateTimeOffset Now = new(2026, 5, 20, 12, 0, 0, TimeSpan.FromHours(-6));

    /// <summary>10 May 2026, 10:00 in Mexico City.</summary>
    public static readonly DateTime OutageStart = new(2026, 5, 10, 16, 0, 0, DateTimeKind.Utc);

    public static Dictionary<string, string?> Settings(string? webhookUrl = null) => new()
    {
        ["Compensation:LedgerEvery"] = "01:00:00",
        ["Compensation:WebhookEvery"] = "01:00:00",
        ["Compensation:WebhookUrl"] = webhookUrl,
        ["Compensation:WebhookSecret"] = webhookUrl is null ? null : "secreto-de-prueba",
        ["FollowUp:JobInterval"] = "01:00:00",
    };

    public static Task<VentanillaApp> StartAsync(DatabaseKind kind, string? webhookUrl = null) =>
        VentanillaApp.StartAsync(kind, Settings(webhookUrl), Now);

    public static Task<NetworkNode> NodeAsync(this VentanillaApp app, string code, NetworkNode? parent = null) => app.WithDbAsync(async db =>
    {
        var node = NetworkNode.Create(code, code, "sector", app.Now);
        db.NetworkNodes.Add(node);
        await db.SaveChangesAsync();
        // A node is placed as a root first: before it has a path of its own, every node counts as under it.
        node.PlaceUnder(null, app.Now);
        if (parent is not null)
        {
            node.PlaceUnder(parent, app.Now);
        }

        await db.SaveChangesAsync();
        return node;
    });

    /// <summary>A service with its own subscriber (with a WhatsApp number), hanging from a node.</summary>
    public static Task<Service> ServiceAsync(this VentanillaApp app, string code, NetworkNode? node, decimal? price, int cutoffDay,
        ServiceState state = ServiceState.Active) => app.WithDbAsync(async db =>
    {
        var subscriber = Subscriber.Create(new SubscriberDetails(code, $"Suscriptor {code}", [], [],
            [new WhatsAppIdentity("52149212" + (code.Length * 7919 % 100_000).ToString("D5", CultureInfo.InvariantCulture), null)], [],
            null, null, null, false, false), app.Now);
        db.Subscribers.Add(subscriber);
        await db.SaveChangesAsync();
        var service = Service.Create(code, app.Now);
        service.Apply(new ServiceDetails(code, state, "Hogar 50", price, cutoffDay, "Av. Hidalgo 120", "Centro", "98000"), subscriber.Id, node?.Id, app.Now);
        db.Services.Add(service);
        await db.SaveChangesAsync();
        return service;
    });

    /// <summary>An outage over the nodes, started at <see cref="OutageStart"/>, restored after <paramref name="lasted"/>.</summary>
    public static Task<long> RestoredOutageAsync(this VentanillaApp app, TimeSpan lasted, bool? attributable, params NetworkNode[] nodes) =>
        app.WithDbAsync(async db =>
        {
            var tracked = await db.NetworkNodes.Where(n => nodes.Select(x => x.Id).Contains(n.Id)).ToListAsync();
            var outage = Outage.Declare(new OutageDraft(OutageKind.Unplanned, "Sin servicio en el sector", tracked, OutageStart),
                OutageSource.Staff, Actor.System, OutageStart);
            outage.RecordCause("Fibra cortada", attributable, null, Actor.System, OutageStart);
            if (outage.Restore(OutageStart + lasted, null, Actor.System, app.Now) is { } refusal)
            {
                throw new InvalidOperationException(refusal.Message);
            }

            db.Outages.Add(outage);
            await db.SaveChangesAsync();
            return outage.Id;
        });

    /// <summary>A report of the service at a given time, a child of the outage.</summary>
    public static Task ReportAsync(this VentanillaApp app, long outageId, Service service, DateTime reportedAt) => app.WithDbAsync(async db =>
    {
        var client = app.Api();
        var filed = await client.PostAsync("/api/v1/tickets", new Dictionary<string, object?>(Json.Fault()) { ["reportedAt"] = reportedAt });
        var folio = filed.Body.Str("folio");
        var ticket = await db.Tickets.SingleAsync(t => t.Folio == folio);
        var outage = await db.Outages.SingleAsync(o => o.Id == outageId);
        ticket.PointAtService(service.Id, service.Code, Actor.System, app.Now);
        ticket.LinkToOutage(outage, Actor.System, app.Now);
        await db.SaveChangesAsync();
        return 0;
    });

    public static Task<int> ComputeAsync(this VentanillaApp app) => app.WithDbAsync(async db =>
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CompensationLedger>().ComputeAsync();
    });

    public static Task<List<CompensationLine>> LinesAsync(this VentanillaApp app) =>
        app.WithDbAsync(db => db.CompensationLines.AsNoTracking().OrderBy(l => l.ServiceId).ToListAsync());
}
