using System.Net;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Network.Outages;
using Ventanilla.Tickets;
using static Ventanilla.IntegrationTests.Outages.OutageDeskWorld;

namespace Ventanilla.IntegrationTests.Outages;

/// <summary>The console's outage desk: one-click confirmation, linking the open reports under an outage, and its post-incident report.</summary>
public class OutageDeskPageTests
{
    [Theory, BothDatabases]
    public async Task A_proposal_is_confirmed_with_one_click_on_the_outage_list(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        await TreeAsync(app, ("SEC-1", null));
        var services = await ServicesAsync(app, "SEC-1", 30);
        for (var i = 0; i < 3; i++)
        {
            await FaultAsync(app, services[i], app.Now.AddMinutes(-4 + i));
        }

        var proposal = Assert.Single(await ClusterAsync(app));
        using var console = await ConsoleClient.SignInAsync(app);
        var list = await console.GetPageAsync("/fallas");
        Assert.Contains("Propuestas por confirmar: 1", list, StringComparison.Ordinal);

        var refused = await console.PostFormForPageAsync("/fallas", $"propuesta-{proposal.Id}", new() { ["Input.Act"] = "descartar" });
        var confirmed = await console.PostFormAsync("/fallas", $"propuesta-{proposal.Id}", new() { ["Input.Act"] = "confirmar" });

        Assert.Contains("Escribe el motivo para descartar la propuesta.", refused, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal($"/fallas/{proposal.Id}?aviso=confirmada", ConsoleClient.Location(confirmed));
        var outage = Assert.Single(await OutagesAsync(app));
        Assert.Equal(OutageStatus.Investigating, outage.Status);
        Assert.NotNull(outage.DeclaredAt);
        Assert.Contains(outage.Timeline, e => e.Type == OutageEntryType.Confirmed);
    }

    [Theory, BothDatabases]
    public async Task Open_reports_under_the_outages_nodes_are_proposed_for_linking_and_linked_one_by_one_or_all_at_once(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        await TreeAsync(app, ("TORRE-1", null), ("SEC-1A", "TORRE-1"), ("TORRE-2", null));
        var under = await ServicesAsync(app, "SEC-1A", 3);
        var elsewhere = await ServicesAsync(app, "TORRE-2", 1);
        var byService = await FaultAsync(app, under[0], app.Now.AddMinutes(-20));
        var bySubscriber = await FaultAsync(app, under[1], app.Now.AddMinutes(-10), pointAtService: false);
        var other = await FaultAsync(app, elsewhere[0], app.Now.AddMinutes(-10));
        var id = (await app.Api().PostAsync("/api/v1/outages", new { kind = "unplanned", title = "Caída de la torre 1", nodes = new[] { "TORRE-1" } }))
            .Body.GetProperty("id").GetInt64();
        using var console = await ConsoleClient.SignInAsync(app);

        var page = await console.GetPageAsync($"/fallas/{id}");
        Assert.Contains("Reportes abiertos bajo sus nodos, sin vincular: 2", page, StringComparison.Ordinal);
        Assert.Contains(byService, page, StringComparison.Ordinal);
        Assert.Contains(bySubscriber, page, StringComparison.Ordinal);
        Assert.DoesNotContain(other, page, StringComparison.Ordinal);

        var ticketId = await app.WithDbAsync(db => db.Tickets.Where(t => t.Folio == byService).Select(t => t.Id).SingleAsync());
        var one = await console.PostFormAsync($"/fallas/{id}", $"vincular-{ticketId}", []);
        Assert.Equal(HttpStatusCode.Redirect, one.StatusCode);
        Assert.Contains("Reportes abiertos bajo sus nodos, sin vincular: 1", await console.GetPageAsync($"/fallas/{id}"), StringComparison.Ordinal);
        var all = await console.PostFormAsync($"/fallas/{id}", "vincular-todos", []);
        Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);

        var linked = await app.WithDbAsync(db => db.Tickets.Where(t => t.OutageId == id).Select(t => t.Folio).OrderBy(f => f).ToListAsync());
        Assert.Equal(new[] { byService, bySubscriber }.Order(StringComparer.Ordinal), linked);
        var outage = (await OutagesAsync(app)).Single();
        Assert.Equal(2, outage.Timeline.Count(e => e.Type == OutageEntryType.ReportLinked));
        var ticket = await app.WithDbAsync(db => db.Tickets.Include(t => t.Timeline).SingleAsync(t => t.Folio == bySubscriber));
        Assert.Contains(ticket.Timeline, e => e.Type == TimelineEntryType.OutageLinked);
        Assert.Contains("Reportes vinculados: 2", await console.GetPageAsync($"/fallas/{id}"), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task The_post_incident_report_counts_reports_services_minutes_without_service_and_notices(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        await TreeAsync(app, ("SEC-1", null));
        var services = await ServicesAsync(app, "SEC-1", 4);
        await ServicesAsync(app, "SEC-1", 1, Subscribers.Services.ServiceState.Suspended);
        var start = app.Now.AddHours(-3);
        var api = app.Api();
        var id = (await api.PostAsync("/api/v1/outages", new { kind = "unplanned", title = "Sin servicio", nodes = new[] { "SEC-1" }, startedAt = start }))
            .Body.GetProperty("id").GetInt64();
        for (var i = 0; i < 3; i++)
        {
            await FaultAsync(app, services[i], start.AddMinutes(10 + i));
        }

        await app.WithDbAsync(async db =>
        {
            var outage = await OutageQueries.LoadAsync(db, id, default);
            await OutageQueries.LinkAsync(db, outage!, null, Actor.System, app.Now, default);
            db.OutageNotices.Add(new OutageNotice(id, OutageNoticeEvent.Declared, 1, services[3], null, ContactChannel.Email, null, app.Now));
            return await db.SaveChangesAsync();
        });
        await api.PostAsync($"/api/v1/outages/{id}/cause", new { cause = "Corte de energía", attributable = "no", evidence = "Aviso de la CFE" });
        await api.PostAsync($"/api/v1/outages/{id}/restore", new { restoredAt = start.AddMinutes(90) });
        using var console = await ConsoleClient.SignInAsync(app);

        var report = await console.GetPageAsync($"/fallas/{id}/informe");

        Assert.Contains("id=\"cifra-reportes\">3<", report, StringComparison.Ordinal);
        Assert.Contains("id=\"cifra-servicios\">4<", report, StringComparison.Ordinal);
        Assert.Contains("id=\"cifra-minutos\">360<", report, StringComparison.Ordinal);
        Assert.Contains("Corte de energía", report, StringComparison.Ordinal);
        Assert.Contains("caso fortuito o fuerza mayor", report, StringComparison.Ordinal);
        Assert.Contains("<svg role=\"img\"", report, StringComparison.Ordinal);
        Assert.Contains("@media print", report, StringComparison.Ordinal);
        Assert.Matches("<th scope=\"row\">[^<]*[Cc]orreo[^<]*</th>\\s*<td data-label=\"En cola\">1</td>", report);
    }
}
