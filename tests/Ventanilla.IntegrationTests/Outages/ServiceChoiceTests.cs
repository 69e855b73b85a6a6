using System.Net;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;

namespace Ventanilla.IntegrationTests.Outages;

/// <summary>Staff settle which service a report is about when intake could not tell.</summary>
public class ServiceChoiceTests
{
    [Theory, BothDatabases]
    public async Task Staff_point_a_report_without_a_service_at_one_of_the_subscribers_services_on_the_folio_page(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database, OutageWorld.Settings());
        await OutageWorld.SeedAsync(app);
        var report = Json.Fault(subscriber: new { accountNumber = "NM-1005", name = "Elena Mora", phone = "492 111 0005" });
        report["address"] = "Zacatecas";
        var folio = (await app.Api().PostAsync("/api/v1/tickets", report)).Body.Str("folio");
        var chosen = await app.WithDbAsync(db => db.Services.Where(s => s.Code == "E-2").Select(s => s.Id).SingleAsync());
        using var admin = await ConsoleClient.SignInAsync(app);

        var page = WebUtility.HtmlDecode(await admin.GetPageAsync($"/folios/{folio}"));
        var saved = await admin.PostFormAsync($"/folios/{folio}", "servicio",
            new() { ["Input.ServiceId"] = chosen.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        Assert.Contains("E-1 · Calle Olivo 3", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        Assert.Equal(chosen, await app.WithDbAsync(db => db.Tickets.Where(t => t.Folio == folio).Select(t => t.ServiceId).SingleAsync()));
    }
}
