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
        // The closing notice, as customer service sends it: the ticket becomes notified and the subscriber is told.
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"{url}/notice", new { })).Status);
    }

    public static Task<Tickets.Ticket> TicketAsync(VentanillaApp app, string folio) =>
        app.WithDbAsync(db => db.Tickets.AsNoTracking().Include(t => t.Timeline).Include(t => t.Area).SingleAsync(t => t.Folio == folio));

    /// <summary>Posts a page's form as multipart, the way a browser sends one with files.</summary>
    public static async Task<HttpResponseMessage> PostWithFilesAsync(ConsoleClient browser, string url, string formName,
        Dictionary<string, string> fields, params (string Name, string Type, byte[] Content)[] files)
    {
        var page = await browser.Http.GetStringAsync(url);
        var token = Token().Match(page);
        Assert.True(token.Success, $"No antiforgery token on {url}");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent(formName), "_handler" },
        };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, type, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
            content.Add(part, "Adjuntos", name);
        }

        return await browser.Http.PostAsync(url, content);
    }

    /// <summary>The smallest valid PNG: a 1×1 transparent pixel.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    /// <summary>The start of a Windows executable.</summary>
    public static readonly byte[] Executable = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00];

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex(@"\b[A-Z]{1,8}-\d{4}-\d{6,9}\b")]
    private static partial Regex Folio();
}
