using System.Net;
using Ventanilla.Data;

namespace Ventanilla.IntegrationTests.Portal;

/// <summary>The portal's opened folio lasts by the service's clock, the one every other rule reads.</summary>
public class PortalClockTests
{
    [Theory, BothDatabases]
    public async Task An_opened_folio_stays_open_for_the_session_minutes_of_the_services_clock_and_then_closes(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database, new() { ["Portal:SessionMinutes"] = "30" });
        using var browser = PortalSteps.Browser(app);
        await PortalSteps.FileAsync(browser);

        var within = await browser.Http.GetAsync("/portal/mi-folio");
        app.Clock.Advance(TimeSpan.FromMinutes(31));
        var after = await browser.Http.GetAsync("/portal/mi-folio");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.Found), (within.StatusCode, after.StatusCode));
    }
}
