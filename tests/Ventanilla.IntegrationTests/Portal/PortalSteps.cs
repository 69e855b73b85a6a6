using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;

namespace Ventanilla.IntegrationTests.Portal;

/// <summary>A subscriber's browser on the portal, without JavaScript, and the staff steps around it.</summary>
internal static partial class PortalSteps
{
    public static Task<VentanillaApp> StartAsync(DatabaseKind database, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Portal:ProofFloorMilliseconds"] = "0" };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        return VentanillaApp.StartAsync(database, all);
    }

    public static Dictionary<string, string> Report(string phone = "492 478 1000", string? email = "ana.ruiz@example.mx") => new()
    {
        ["Form.Kind"] = "fault",
        ["Form.Name"] = "Ana Ruiz",
        ["Form.Phone"] = phone,
        ["Form.Email"] = email ?? "",
        ["Form.Address"] = "Av. Hidalgo 12, Centro, Zacatecas",
        ["Form.Description"] = "Sin internet desde anoche; el módem parpadea en rojo.",
        ["Form.Consent"] = "true",
    };

    /// <summary>Files the report and follows its redirect to the receipt; returns the folio shown there.</summary>
    public static async Task<string> FileAsync(ConsoleClient browser, Dictionary<string, string>? fields = null)
    {
        var response = await browser.PostFormAsync("/portal/reportar", "reporte", fields ?? Report());
        Assert.True(response.StatusCode == HttpStatusCode.Found, $"Filing answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("/portal/constancia", ConsoleClient.Location(response));
        var receipt = await browser.GetPageAsync("/portal/constancia");
        return FolioOn(receipt);
    }

    public static string FolioOn(string html)
    {
        var match = Folio().Match(html);
        Assert.True(match.Success, $"No folio on the page: {html}");
        return match.Value;
    }

    public static Task<HttpResponseMessage> OpenAsync(ConsoleClient browser, string folio, string proof) =>
        browser.PostFormAsync("/portal/folio", "abrir", new() { ["Lookup.Folio"] = folio, ["Lookup.Proof"] = proof });

    public static ConsoleClient Browser(VentanillaApp app) => ConsoleClient.Anonymous(app);

    /// <summary>Takes the ticket to "notified" as staff would: resolution recorded, subscriber told.</summary>
    public static async Task NotifyAsync(VentanillaApp app, string folio)
    {
        var api = app.Api();
        var url = $"/api/v1/tickets/{folio}";
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"{url}/status", new { status = "in_progress" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"{url}/resolution", new { cause = "Conector dañado", correction = "Se cambió el conector", upheld = true })).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"{url}/status", new { status = "notified" })).Status);
    }

    public static Task<Tickets.Ticket> TicketAsync(VentanillaApp app, string folio) =>
        app.WithDbAsync(db => db.Tickets.AsNoTracking().Include(t => t.Timeline).Include(t => t.Area).SingleAsync(t => t.Folio == folio));

    [GeneratedRegex(@"\b[A-Z]{1,8}-\d{4}-\d{6,9}\b")]
    private static partial Regex Folio();
}
