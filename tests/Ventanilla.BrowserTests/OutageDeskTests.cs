using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Ventanilla.Network;
using Ventanilla.Network.Outages;
using Ventanilla.Staff;
using static Microsoft.Playwright.Assertions;

namespace Ventanilla.BrowserTests;

/// <summary>The supervisor's outage page on a desktop and on a phone: confirm a proposal, change the estimate, restore.</summary>
public class OutageDeskTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Supervisor_confirms_a_proposed_outage_changes_its_estimate_on_a_desktop_and_restores_it_from_a_360_px_phone()
    {
        var now = browser.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var id = await ProposalAsync(now);
        var code = $"FM-{id:D6}";
        var page = await browser.SignedInPageAsync(Roles.Supervisor, "Lucía Navarro Ortiz");
        await page.SetViewportSizeAsync(Looks.Desktop.Width, Looks.Desktop.Height);

        await page.GotoAsync("/fallas");
        await Expect(page.Locator("nav .badge.count")).ToContainTextAsync("1");
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotsAsync("Outages_list_with_a_proposal");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Confirmar {code}", Exact = true }).ClickAsync();

        await Expect(page.Notice()).ToHaveTextAsync("Falla confirmada: ya es una falla masiva en investigación.");
        await Expect(page.Locator("main h1")).ToContainTextAsync(code);
        var estimate = TimeZoneInfo.ConvertTimeFromUtc(now.AddHours(3), TimeZoneInfo.FindSystemTimeZoneById("America/Mexico_City"));
        await page.GetByLabel("Restablecimiento estimado").FillAsync(estimate.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Guardar estimación" }).ClickAsync();
        await Expect(page.Notice()).ToHaveTextAsync("Estimación guardada.");
        await Expect(page.TimelineEntries().Filter(new() { HasText = "Cambio de estimación" })).ToHaveCountAsync(1);
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotsAsync("Outage_page_confirmed");

        await page.SetViewportSizeAsync(Looks.Phone.Width, Looks.Phone.Height);
        await page.GetByRole(AriaRole.Button, new() { Name = "Marcar como restablecida" }).ClickAsync();
        await Expect(page.Notice()).ToHaveTextAsync("Falla restablecida; los reportes vinculados se resuelven con su causa.");
        await Expect(page.Locator("main h1 + p .badge")).ToHaveTextAsync("restablecida");
        Assert.Equal(0, await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Looks.ScreenshotFolder, "Outage_page_restored-360px.png"), FullPage = true });
        await page.AssertAccessibleAsync();

        await page.GotoAsync($"/fallas/{id}/informe");
        await Expect(page.Locator("main h1")).ToContainTextAsync($"Informe posterior a la falla {code}");
        await page.AssertAccessibleAsync();
        await page.SaveScreenshotsAsync("Outage_post_incident_report");
        var outage = await browser.WithDbAsync(db => db.Outages.AsNoTracking().SingleAsync(o => o.Id == id));
        Assert.Equal(OutageStatus.Restored, outage.Status);
        Assert.NotNull(outage.EstimatedRestorationAt);
    }

    /// <summary>A sector under a tower and an outage that report clustering proposed for it.</summary>
    private Task<long> ProposalAsync(DateTime now) => browser.WithDbAsync(async db =>
    {
        var tower = NetworkNode.Create("TORRE-NORTE", "Torre Norte", "torre", now);
        var sector = NetworkNode.Create("TN-SECTOR-2", "Torre Norte, sector 2", "sector", now);
        db.NetworkNodes.AddRange(tower, sector);
        await db.SaveChangesAsync();
        tower.PlaceUnder(null, now);
        sector.PlaceUnder(null, now);
        sector.PlaceUnder(tower, now);
        var outage = Outage.Propose(new OutageDraft(OutageKind.Unplanned, "Posible falla en Torre Norte, sector 2", [sector], now.AddMinutes(-12), now),
            "4 reportes de falla bajo el nodo TN-SECTOR-2 en 15 minutos.", now, "cluster:browser");
        db.Outages.Add(outage);
        await db.SaveChangesAsync();
        return outage.Id;
    });
}
