using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests.Portal;

public partial class PortalFollowTests
{
    [Theory, BothDatabases]
    public async Task The_phone_on_the_ticket_in_any_format_opens_its_status_and_deadline_but_no_internal_notes(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database);
        using var reporter = PortalSteps.Browser(app);
        var folio = await PortalSteps.FileAsync(reporter);
        await app.Api().PostAsync($"/api/v1/tickets/{folio}/notes", new { text = "Cliente moroso, revisar antes" });
        using var browser = PortalSteps.Browser(app);

        var response = await PortalSteps.OpenAsync(browser, folio.ToLowerInvariant(), "+52 (492) 478-1000");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/portal/mi-folio", ConsoleClient.Location(response));
        var page = await browser.GetPageAsync("/portal/mi-folio");
        Assert.Contains(folio, page, StringComparison.Ordinal);
        Assert.Contains("Recibido", page, StringComparison.Ordinal);
        Assert.Contains("Plazo:", page, StringComparison.Ordinal);
        Assert.DoesNotContain("moroso", page, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_wrong_proof_gets_the_same_answer_as_an_unknown_folio(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database);
        using var reporter = PortalSteps.Browser(app);
        var folio = await PortalSteps.FileAsync(reporter);
        using var stranger = PortalSteps.Browser(app);

        var wrong = await PortalSteps.OpenAsync(stranger, folio, "otra.persona@example.mx");
        var unknown = await PortalSteps.OpenAsync(stranger, "NM-2026-999999", "otra.persona@example.mx");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (wrong.StatusCode, unknown.StatusCode));
        // The folio typed is written back into the form; apart from it, the answers are the same.
        var wrongText = Visible(await wrong.Content.ReadAsStringAsync()).Replace(folio, "FOLIO", StringComparison.Ordinal);
        var unknownText = Visible(await unknown.Content.ReadAsStringAsync()).Replace("NM-2026-999999", "FOLIO", StringComparison.Ordinal);
        Assert.Contains("No pudimos abrir el folio con esos datos", wrongText, StringComparison.Ordinal);
        Assert.Equal(unknownText, wrongText);
        Assert.False(wrong.Headers.Contains("Set-Cookie") && wrong.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("ventanilla-folio", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Found, (await stranger.Http.GetAsync("/portal/mi-folio")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_folio_written_with_other_digits_is_not_a_folio_and_fails_the_usual_way(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database);
        using var browser = PortalSteps.Browser(app);
        const string arabicYear = "NM-\u0662\u0660\u0662\u0666-000123";

        var opened = await PortalSteps.OpenAsync(browser, arabicYear, "ana.ruiz@example.mx");
        var asked = await browser.PostFormAsync("/portal/folio", "codigo", new() { ["CodeRequest.Folio"] = arabicYear });

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (opened.StatusCode, asked.StatusCode));
        Assert.Contains("No pudimos abrir el folio con esos datos", WebUtility.HtmlDecode(await opened.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("Si el folio está registrado y tiene un correo o WhatsApp al que podamos escribir, enviamos un código", WebUtility.HtmlDecode(await asked.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_one_time_code_sent_through_the_outbox_opens_the_folio_once(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database, PortalCodeTests.MailConnected());
        using var reporter = PortalSteps.Browser(app);
        var folio = await PortalSteps.FileAsync(reporter);
        using var browser = PortalSteps.Browser(app);

        var asked = await browser.PostFormForPageAsync("/portal/folio", "codigo", new() { ["CodeRequest.Folio"] = folio });
        var unknown = await browser.PostFormForPageAsync("/portal/folio", "codigo", new() { ["CodeRequest.Folio"] = "NM-2026-999999" });

        Assert.Contains("Si el folio está registrado y tiene un correo o WhatsApp al que podamos escribir, enviamos un código", asked, StringComparison.Ordinal);
        Assert.Equal(Visible(unknown).Replace("NM-2026-999999", "FOLIO", StringComparison.Ordinal), Visible(asked).Replace(folio, "FOLIO", StringComparison.Ordinal));
        var message = await app.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Event == "access_code" && m.Channel == ContactChannel.Email));
        Assert.Equal("ana.ruiz@example.mx", message.Recipient);
        var code = Regex.Match(message.Body, @"en el portal es (\d{6})\.").Groups[1].Value;
        Assert.Equal(6, code.Length);
        Assert.Equal([code], message.TemplateValues());
        var stored = await app.WithDbAsync(db => db.PortalAccessCodes.AsNoTracking().SingleAsync());
        Assert.DoesNotContain(code, stored.Hash, StringComparison.Ordinal);

        var opened = await PortalSteps.OpenAsync(browser, folio, code);
        Assert.Equal(HttpStatusCode.Found, opened.StatusCode);
        Assert.Contains("Sin internet desde anoche", await browser.GetPageAsync("/portal/mi-folio"), StringComparison.Ordinal);
        using var replay = PortalSteps.Browser(app);
        Assert.Equal(HttpStatusCode.OK, (await PortalSteps.OpenAsync(replay, folio, code)).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_code_is_spent_after_the_allowed_wrong_tries(DatabaseKind database)
    {
        var settings = PortalCodeTests.MailConnected();
        settings["Portal:CodeAttempts"] = "2";
        await using var app = await PortalSteps.StartAsync(database, settings);
        using var reporter = PortalSteps.Browser(app);
        var folio = await PortalSteps.FileAsync(reporter);
        using var browser = PortalSteps.Browser(app);
        await browser.PostFormForPageAsync("/portal/folio", "codigo", new() { ["CodeRequest.Folio"] = folio });
        var message = await app.WithDbAsync(db => db.Outbox.AsNoTracking().FirstAsync(m => m.Event == "access_code"));
        var code = Regex.Match(message.Body, @"en el portal es (\d{6})\.").Groups[1].Value;
        Assert.Equal(6, code.Length);
        var wrong = code == "000000" ? "111111" : "000000";

        await PortalSteps.OpenAsync(browser, folio, wrong);
        await PortalSteps.OpenAsync(browser, folio, wrong);
        var late = await PortalSteps.OpenAsync(browser, folio, code);

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("No pudimos abrir el folio", WebUtility.HtmlDecode(await late.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Tries_on_one_folio_are_limited_whatever_the_address(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database, new() { ["Portal:RateLimits:PerFolioPermits"] = "2" });
        using var browser = PortalSteps.Browser(app);
        var folio = "NM-2026-000077";

        await PortalSteps.OpenAsync(browser, folio, "a@example.mx");
        await PortalSteps.OpenAsync(browser, folio.ToLowerInvariant(), "b@example.mx");
        var third = await PortalSteps.OpenAsync(browser, folio, "c@example.mx");
        var other = await PortalSteps.OpenAsync(browser, "NM-2026-000078", "c@example.mx");

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("demasiados intentos", WebUtility.HtmlDecode(await third.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task A_message_from_the_portal_joins_the_ticket_as_an_inbound_web_message(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database);
        using var browser = PortalSteps.Browser(app);
        var folio = await PortalSteps.FileAsync(browser);

        var page = await browser.PostFormForPageAsync("/portal/mi-folio", "mensaje", new() { ["Message.Text"] = "Sigue igual, ¿cuándo vienen?" });

        Assert.Contains("Recibimos tu mensaje", page, StringComparison.Ordinal);
        Assert.Contains("Sigue igual, ¿cuándo vienen?", page, StringComparison.Ordinal);
        var ticket = await PortalSteps.TicketAsync(app, folio);
        var entry = ticket.Timeline.Single(e => e.Type == TimelineEntryType.MessageIn);
        Assert.Equal((ContactChannel.Web, "Sigue igual, ¿cuándo vienen?", "Ana Ruiz"), (entry.Channel!.Value, entry.Body!, entry.ActorName));
    }

    private static string Visible(string html)
    {
        // Antiforgery tokens and the framework's encrypted state differ on every answer; everything else must be the same.
        var withoutTokens = Regex.Replace(html, "name=\"__RequestVerificationToken\" value=\"[^\"]*\"", "");
        withoutTokens = Regex.Replace(withoutTokens, "<!--Blazor-Server-Component-State:[^>]*-->", "");
        return WebUtility.HtmlDecode(withoutTokens);
    }
}
