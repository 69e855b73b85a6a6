using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Data;
using Ventanilla.Messaging;
using Ventanilla.Staff;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests;

public partial class TicketPageTests
{
    private const string StaleMessage = "Alguien más modificó este folio mientras lo veías. Revisa los cambios y vuelve a intentarlo.";

    [Theory, BothDatabases]
    public async Task Get_ExistingFolio_ShowsTheHeaderAndTheWholeTimelineInOrder(DatabaseKind database)
    {
        // It counts the timeline's entries: at an hour the area is open, so no closed-area note joins them.
        await using var app = await VentanillaApp.StartAsync(database, now: TestClock.DefaultStart);
        var folio = await CreateFaultAsync(app);
        await app.Api().PostAsync($"/api/v1/tickets/{folio}/status", new { status = "in_progress" });
        await app.Api().PostAsync($"/api/v1/tickets/{folio}/notes", new { text = "Pide visita por la tarde." });
        var admin = await SignInAsync(app, "admin@localhost", "Admin-Password-123");

        var (status, html) = await GetAsync(admin, $"/folios/{folio}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"data-copy=\"{folio}\"", html, StringComparison.Ordinal);
        // A fault reported just now is due in 24 hours and on time.
        Assert.Contains("Plazo de solución", html, StringComparison.Ordinal);
        Assert.Contains("A tiempo", html, StringComparison.Ordinal);
        var timeline = html[html.IndexOf("<ol class=\"timeline\">", StringComparison.Ordinal)..];
        // The report, routing's area and priority ("Sin internet" is urgent work), the status change and the note.
        Assert.Equal(5, Regex.Count(timeline[..timeline.IndexOf("</ol>", StringComparison.Ordinal)], "<li "));
        var created = timeline.IndexOf("Reporte recibido por teléfono", StringComparison.Ordinal);
        var moved = timeline.IndexOf("<span>registrado</span>", StringComparison.Ordinal);
        var note = timeline.IndexOf("Pide visita por la tarde.", StringComparison.Ordinal);
        Assert.True(created >= 0 && created < moved && moved < note, "the timeline reads oldest first");
        Assert.Contains("Nota interna", timeline, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task PostNote_FromThePage_AddsItToTheTimelineAndSaysSo(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var folio = await CreateFaultAsync(app);
        var admin = await SignInAsync(app, "admin@localhost", "Admin-Password-123");

        var response = await PostFormAsync(admin, folio, "nota", new() { ["Input.Text"] = "Hay perro en el domicilio." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/folios/{folio}?hecho=nota", PathOf(response.Headers.Location));
        var timeline = (await app.Api().GetJsonAsync($"/api/v1/tickets/{folio}")).GetProperty("timeline").EnumerateArray().ToArray();
        Assert.Equal(("note", "Hay perro en el domicilio.", "Administrador"), (timeline[^1].Str("type"), timeline[^1].Str("body"), timeline[^1].Str("actor")));
        Assert.Contains("Nota interna agregada.", (await GetAsync(admin, PathOf(response.Headers.Location))).Html, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task PostReply_OnAnEmailTicket_AddsTheMessageAndQueuesItToTheContactsEmail(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var folio = await CreateFaultAsync(app, channel: "email");
        var admin = await SignInAsync(app, "admin@localhost", "Admin-Password-123");

        var response = await PostFormAsync(admin, folio, "respuesta", new() { ["Input.Body"] = "Mañana te visita un técnico." });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var last = (await app.Api().GetJsonAsync($"/api/v1/tickets/{folio}")).GetProperty("timeline").EnumerateArray().Last();
        Assert.Equal(("message_out", "email", "Mañana te visita un técnico."), (last.Str("type"), last.Str("channel"), last.Str("body")));
        var replies = await app.WithDbAsync(db => db.Outbox.Where(m => m.Kind == OutboxKind.Reply).ToListAsync());
        var reply = Assert.Single(replies);
        Assert.Equal((ContactChannel.Email, "juan@example.mx", "Mañana te visita un técnico."), (reply.Channel, reply.Recipient, reply.Body));
        Assert.Equal($"[Folio {folio}] Respuesta a tu falla", reply.Subject);
    }

    [Theory, BothDatabases]
    public async Task ChangeStatus_WithAStaleVersion_ChangesNothingAndSaysSomeoneElseChangedIt(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var folio = await CreateFaultAsync(app);
        var admin = await SignInAsync(app, "admin@localhost", "Admin-Password-123");
        var seen = await GetAsync(admin, $"/folios/{folio}");
        await app.Api().PostAsync($"/api/v1/tickets/{folio}/status", new { status = "in_progress" });

        var response = await PostFormAsync(admin, folio, "estado", new() { ["Input.Status"] = "cancelled", ["Input.Reason"] = "spam" },
            version: VersionOf(seen.Html));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(StaleMessage, Decode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("in_progress", (await app.Api().GetJsonAsync($"/api/v1/tickets/{folio}")).Str("status"));
    }

    [Theory, BothDatabases]
    public async Task ChangeStatus_ClosingAFaultBeforeItsResolution_ShowsWhatIsMissingInSpanish(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var folio = await CreateFaultAsync(app);
        await app.Api().PostAsync($"/api/v1/tickets/{folio}/status", new { status = "in_progress" });
        var admin = await SignInAsync(app, "admin@localhost", "Admin-Password-123");

        var response = await PostFormAsync(admin, folio, "estado", new() { ["Input.Status"] = "closed", ["Input.Confirmation"] = "confirmed" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Para cerrar una falla, primero registra la resolución técnica y notifica al suscriptor.",
            Decode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("in_progress", (await app.Api().GetJsonAsync($"/api/v1/tickets/{folio}")).Str("status"));
    }

    [Theory, BothDatabases]
    public async Task Resolution_ForAnAgent_IsNotOfferedAndAForgedPostChangesNothing(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var folio = await CreateFaultAsync(app);
        await app.Api().PostAsync($"/api/v1/tickets/{folio}/status", new { status = "in_progress" });
        await CreateStaffAsync(app, "agente@example.mx", Roles.Agent, "Ana Agente");
        var agent = await SignInAsync(app, "agente@example.mx", StaffPassword);

        var (_, html) = await GetAsync(agent, $"/folios/{folio}");
        var forged = await PostFormAsync(agent, folio, "resolucion",
            new() { ["Input.Cause"] = "x", ["Input.Correction"] = "y", ["Input.Upheld"] = "procedente" });

        Assert.DoesNotContain("value=\"resolucion\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"nota\"", html, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Redirect, forged.StatusCode);
        var ticket = await app.Api().GetJsonAsync($"/api/v1/tickets/{folio}");
        Assert.Equal("in_progress", ticket.Str("status"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, ticket.GetProperty("resolution").ValueKind);
    }

    [Theory, BothDatabases]
    public async Task Assign_ATechnicalLead_SavesItAndShowsTheLeadByName(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var folio = await CreateFaultAsync(app);
        var leadId = await CreateStaffAsync(app, "rosa@example.mx", Roles.TechnicalLead, "Rosa Técnica");
        var admin = await SignInAsync(app, "admin@localhost", "Admin-Password-123");

        var response = await PostFormAsync(admin, folio, "asignacion", new()
        {
            ["Input.Area"] = "tecnica", ["Input.Owner"] = "", ["Input.Lead"] = leadId, ["Input.Priority"] = "high",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var ticket = await app.Api().GetJsonAsync($"/api/v1/tickets/{folio}");
        Assert.Equal(("tecnica", leadId, "high"), (ticket.Str("area"), ticket.Str("technicalLead"), ticket.Str("priority")));
        var (_, html) = await GetAsync(admin, $"/folios/{folio}");
        Assert.Contains("<dt>Responsable técnico</dt><dd>Rosa Técnica</dd>", html, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task MarkDuplicate_OfALivingFolio_CancelsThisOneNamingTheSurvivor(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var survivor = await CreateFaultAsync(app);
        var copy = await CreateFaultAsync(app);
        var admin = await SignInAsync(app, "admin@localhost", "Admin-Password-123");

        var itself = await PostFormAsync(admin, copy, "duplicado", new() { ["Input.Survivor"] = copy });
        var response = await PostFormAsync(admin, copy, "duplicado", new() { ["Input.Survivor"] = survivor.ToLowerInvariant() });

        Assert.Contains("Un folio no puede ser duplicado de sí mismo.", Decode(await itself.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var ticket = await app.Api().GetJsonAsync($"/api/v1/tickets/{copy}");
        Assert.Equal(("cancelled", survivor), (ticket.Str("status"), ticket.Str("duplicateOf")));
    }

    [Theory, BothDatabases]
    public async Task Get_UnknownFolio_Is404SayingSo(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var admin = await SignInAsync(app, "admin@localhost", "Admin-Password-123");

        var (status, html) = await GetAsync(admin, "/folios/NM-2026-999999");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("No existe el folio NM-2026-999999", html, StringComparison.Ordinal);
    }

    private const string StaffPassword = "Staff-Password-123";

    private static async Task<string> CreateFaultAsync(VentanillaApp app, string channel = "phone")
    {
        var report = Json.Fault();
        report["channel"] = channel;
        var (status, body, _) = await app.Api().PostAsync("/api/v1/tickets", report);
        Assert.Equal(HttpStatusCode.Created, status);
        return body.Str("folio");
    }

    private static async Task<string> CreateStaffAsync(VentanillaApp app, string email, string role, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        Assert.True((await users.CreateAsync(user, StaffPassword)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user.Id;
    }

    /// <summary>A browser-like client signed in through the /entrar form; it keeps its cookies.</summary>
    private static async Task<HttpClient> SignInAsync(VentanillaApp app, string email, string password)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        var (_, page) = await GetAsync(client, "/entrar");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "entrar",
            ["__RequestVerificationToken"] = TokenOf(page),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        var response = await client.PostAsync("/entrar", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Posts one of the page's forms as a browser would, with the page's antiforgery token and version.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string folio, string handler,
        Dictionary<string, string> fields, string? version = null)
    {
        var (_, page) = await GetAsync(client, $"/folios/{folio}");
        fields["_handler"] = handler;
        fields["__RequestVerificationToken"] = TokenOf(page);
        fields["Input.Version"] = version ?? VersionOf(page);
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync($"/folios/{folio}", form);
    }

    private static async Task<(HttpStatusCode Status, string Html)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response.StatusCode, Decode(await response.Content.ReadAsStringAsync()));
    }

    private static string PathOf(Uri? location) =>
        location is null ? "" : new Uri(new Uri("http://localhost"), location).PathAndQuery;

    // The renderer escapes accented letters; the assertions read the text as a person would.
    private static string Decode(string html) => WebUtility.HtmlDecode(html);

    private static string TokenOf(string html) => TokenField().Match(html) is { Success: true } m
        ? m.Groups[1].Value
        : throw new InvalidOperationException("The page has no antiforgery token.");

    private static string VersionOf(string html) => VersionField().Match(html) is { Success: true } m
        ? m.Groups[1].Value
        : throw new InvalidOperationException("The page has no version field.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    [GeneratedRegex("name=\"Input.Version\" value=\"([0-9]+)\"")]
    private static partial Regex VersionField();
}
