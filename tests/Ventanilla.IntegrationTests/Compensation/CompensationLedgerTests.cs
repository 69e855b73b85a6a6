using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Network.Compensation;
using Ventanilla.Subscribers.Services;

namespace Ventanilla.IntegrationTests.Compensation;

public class CompensationLedgerTests
{
    private static readonly DateOnly May15 = new(2026, 5, 15);

    [Theory, BothDatabases]
    public async Task A_restored_attributable_outage_owes_one_line_per_active_service_under_its_nodes_and_a_second_pass_adds_none(DatabaseKind database)
    {
        await using var app = await CompensationWorld.StartAsync(database);
        var tower = await app.NodeAsync("TORRE-1");
        var sector = await app.NodeAsync("SECTOR-1A", tower);
        var elsewhere = await app.NodeAsync("TORRE-2");
        var cheap = await app.ServiceAsync("S-500", sector, 500m, 15);
        var dear = await app.ServiceAsync("S-1000", tower, 1000m, 15);
        await app.ServiceAsync("S-SUSP", sector, 500m, 15, ServiceState.Suspended);
        await app.ServiceAsync("S-FUERA", elsewhere, 500m, 15);
        var outage = await app.RestoredOutageAsync(TimeSpan.FromDays(3), attributable: true, tower);

        Assert.Equal(2, await app.ComputeAsync());
        Assert.Equal(0, await app.ComputeAsync());

        var lines = await app.LinesAsync();
        Assert.Equal([cheap.Id, dear.Id], lines.Select(l => l.ServiceId));
        Assert.All(lines, l => Assert.Equal(outage, l.OutageId));
        var (small, large) = (lines[0], lines[1]);
        // 500 × 3 / 30 = 50, plus 20 % = 60: under the default auto-approval of 100, so approved at once.
        Assert.Equal((50.00m, 10.00m, 60.00m, CompensationState.Approved), (small.BaseMxn, small.BonusMxn, small.AmountMxn, small.State));
        // 1000 × 3 / 30 = 100, plus 20 % = 120: waits for a supervisor.
        Assert.Equal((120.00m, CompensationState.Proposed), (large.AmountMxn, large.State));
        Assert.All(lines, l => Assert.Equal((4320, 3, "días", 1, May15), (l.MinutesWithoutService, l.Units, l.UnitName, l.PolicyNumber, l.ApplyBy)));
        Assert.Equal((new DateOnly(2026, 4, 16), May15), (small.PeriodFirst, small.PeriodLast));
        Assert.Equal(500m, small.MonthlyPriceMxn);
    }

    [Theory, BothDatabases]
    public async Task A_force_majeure_outage_owes_only_past_24_hours_after_the_subscribers_report(DatabaseKind database)
    {
        await using var app = await CompensationWorld.StartAsync(database);
        var sector = await app.NodeAsync("SECTOR-FM");
        var early = await app.ServiceAsync("S-TEMPRANO", sector, 500m, 15);
        var late = await app.ServiceAsync("S-TARDE", sector, 500m, 15);
        var silent = await app.ServiceAsync("S-SIN-REPORTE", sector, 500m, 15);
        var outage = await app.RestoredOutageAsync(TimeSpan.FromHours(72), attributable: false, sector);
        await app.ReportAsync(outage, early, CompensationWorld.OutageStart.AddHours(2));
        await app.ReportAsync(outage, late, CompensationWorld.OutageStart.AddHours(60));

        await app.ComputeAsync();

        var lines = (await app.LinesAsync()).ToDictionary(l => l.ServiceId);
        // Reported 2 h in, restored 70 h later: past the threshold, owed the whole 3 days.
        Assert.Equal((CompensationState.Approved, 60.00m), (lines[early.Id].State, lines[early.Id].AmountMxn));
        // Reported 60 h in, restored 12 h later: no procede, and the line says why.
        Assert.Equal(CompensationState.NotOwed, lines[late.Id].State);
        Assert.Contains("fuerza mayor", lines[late.Id].Reason, StringComparison.Ordinal);
        Assert.Contains("24 horas", lines[late.Id].Reason, StringComparison.Ordinal);
        Assert.Equal(0m, lines[late.Id].AmountMxn);
        Assert.Equal(CompensationState.NotOwed, lines[silent.Id].State);
        Assert.Contains("no reportó", lines[silent.Id].Reason, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task An_outage_nobody_decided_the_attribution_of_waits_without_lines(DatabaseKind database)
    {
        await using var app = await CompensationWorld.StartAsync(database);
        var sector = await app.NodeAsync("SECTOR-ESPERA");
        await app.ServiceAsync("S-ESPERA", sector, 500m, 15);
        await app.RestoredOutageAsync(TimeSpan.FromDays(2), attributable: null, sector);

        Assert.Equal(0, await app.ComputeAsync());
        Assert.Empty(await app.LinesAsync());
    }

    [Theory, BothDatabases]
    public async Task An_individual_fault_resolved_as_upheld_owes_from_its_report_to_the_restoration(DatabaseKind database)
    {
        await using var app = await CompensationWorld.StartAsync(database);
        // Cut-off day 20: the report of 17 May falls in 21 April – 20 May, 30 days.
        var service = await app.ServiceAsync("S-FALLA", null, 500m, 20);
        var client = app.Api();
        var reportedAt = app.Now.AddDays(-3);
        var folio = (await client.PostAsync("/api/v1/tickets", new Dictionary<string, object?>(Json.Fault()) { ["reportedAt"] = reportedAt })).Body.Str("folio");
        await app.WithDbAsync(async db =>
        {
            var ticket = await db.Tickets.SingleAsync(t => t.Folio == folio);
            ticket.PointAtService(service.Id, service.Code, Tickets.Actor.System, app.Now);
            return await db.SaveChangesAsync();
        });
        await client.PostAsync($"/api/v1/tickets/{folio}/status", new { status = "in_progress" });
        var resolved = await client.PostAsync($"/api/v1/tickets/{folio}/resolution",
            new { cause = "Conector dañado en la roseta", correction = "Se cambió el conector", upheld = true, serviceRestoredAt = reportedAt.AddHours(47) });
        Assert.Equal(System.Net.HttpStatusCode.OK, resolved.Status);

        Assert.Equal(1, await app.ComputeAsync());
        Assert.Equal(0, await app.ComputeAsync());

        var line = Assert.Single(await app.LinesAsync());
        Assert.Equal((CompensationSource.Fault, service.Id, 2, 40.00m), (line.Source, line.ServiceId, line.Units, line.AmountMxn));
        Assert.Equal(new DateOnly(2026, 5, 20), line.ApplyBy);
    }
}
