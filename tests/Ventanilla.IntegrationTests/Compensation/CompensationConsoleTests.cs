using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Network.Compensation;

namespace Ventanilla.IntegrationTests.Compensation;

public class CompensationConsoleTests
{
    [Theory, BothDatabases]
    public async Task A_supervisor_approves_in_bulk_a_policy_change_is_a_new_version_and_the_reconciliation_adds_up(DatabaseKind database)
    {
        await using var app = await CompensationWorld.StartAsync(database);
        var sector = await app.NodeAsync("SECTOR-CON");
        await app.ServiceAsync("S-CON-1", sector, 1000m, 15);
        await app.ServiceAsync("S-CON-2", sector, 2000m, 15);
        await app.ServiceAsync("S-CON-3", sector, 500m, 15);
        await app.RestoredOutageAsync(TimeSpan.FromDays(3), attributable: true, sector);
        await app.ComputeAsync();
        var lines = await app.LinesAsync();
        Assert.Equal([CompensationState.Proposed, CompensationState.Proposed, CompensationState.Approved], lines.Select(l => l.State));
        using var console = await ConsoleClient.SignInAsync(app);

        var list = await console.GetPageAsync("/bonificaciones?estado=proposed");
        Assert.Contains("$120.00", list, StringComparison.Ordinal);
        Assert.Contains("$240.00", list, StringComparison.Ordinal);
        var approved = await console.PostFormAsync("/bonificaciones?estado=proposed", "aprobar", new() { ["ids"] = lines[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal([CompensationState.Approved, CompensationState.Proposed, CompensationState.Approved], (await app.LinesAsync()).Select(l => l.State));

        var saved = await console.PostFormAsync("/admin/bonificaciones/poliza", "poliza", new()
        {
            ["tasa"] = "0.25", ["base"] = "prorated_by_hours", ["umbral"] = "24", ["desde"] = "report", ["minimo"] = "0",
            ["decimales"] = "2", ["automatica"] = "150", ["fundamento"] = "Cláusula DÉCIMA del contrato",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var policies = await app.WithDbAsync(db => db.PolicyVersions().OrderBy(p => p.Number).ToListAsync());
        Assert.Equal([(1, 0.20m), (2, 0.25m)], policies.Select(p => (p.Number, p.Rate)));
        Assert.All(await app.LinesAsync(), l => Assert.Equal(1, l.PolicyNumber));

        var figures = Assert.Single(await app.WithDbAsync(db => Reconciliation.PerCutoffAsync(db, new DateOnly(2026, 5, 20), 12, default)));
        Assert.Equal(new DateOnly(2026, 5, 15), figures.Cutoff);
        Assert.Equal(new Figure(3, 420.00m), figures.Computed);
        Assert.Equal(new Figure(2, 180.00m), figures.Approved);
        Assert.Equal(new Figure(1, 240.00m), figures.Proposed);
        // The cut-off of 15 May passed on the 20th with nothing applied: all three are overdue.
        Assert.Equal(new Figure(3, 420.00m), figures.Overdue);
        Assert.Equal(new Figure(0, 0m), figures.Applied);
        var page = await console.GetPageAsync("/bonificaciones/conciliacion");
        Assert.Contains("href=\"/bonificaciones?corte=2026-05-15&vencidas=true\"", page, StringComparison.Ordinal);
        Assert.Contains("3 · $420.00", page, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task The_approved_lines_export_as_a_workbook_with_spanish_headers_and_amounts_as_numbers(DatabaseKind database)
    {
        await using var app = await CompensationWorld.StartAsync(database);
        var sector = await app.NodeAsync("SECTOR-XLSX");
        await app.ServiceAsync("S-XLSX", sector, 500m, 15);
        await app.RestoredOutageAsync(TimeSpan.FromDays(3), attributable: true, sector);
        await app.ComputeAsync();

        var response = await app.Api().GetAsync("/api/v1/compensation/export.xlsx?cutoff=2026-05-15");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = zip.Entries.Single(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
        using var reader = new StreamReader(sheet.Open());
        var xml = await reader.ReadToEndAsync();
        Assert.Contains("Bonificación adicional", xml, StringComparison.Ordinal);
        Assert.Contains("Aplicar a más tardar", xml, StringComparison.Ordinal);
        Assert.Contains("<v>60</v>", xml, StringComparison.Ordinal);
        Assert.Contains("2026-05-10 10:00", xml, StringComparison.Ordinal);
    }
}
