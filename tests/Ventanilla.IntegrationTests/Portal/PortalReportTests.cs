using System.Net;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Messaging;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests.Portal;

public class PortalReportTests
{
    [Theory, BothDatabases]
    public async Task A_web_report_gets_a_folio_on_a_receipt_and_the_receipt_goes_to_email_and_WhatsApp(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database);
        using var browser = PortalSteps.Browser(app);

        var folio = await PortalSteps.FileAsync(browser);

        var receipt = await browser.GetPageAsync("/portal/constancia");
        Assert.Contains("Tu folio es", receipt, StringComparison.Ordinal);
        Assert.Contains("Sin internet desde anoche", receipt, StringComparison.Ordinal);
        var ticket = await PortalSteps.TicketAsync(app, folio);
        Assert.Equal((TicketKind.Fault, ContactChannel.Web, "+524924781000", "ana.ruiz@example.mx"),
            (ticket.Kind, ticket.Channel, ticket.Contact.Phone, ticket.Contact.Email));
        var receipts = await app.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.TicketId == ticket.Id && m.Kind == OutboxKind.Receipt)
            .Select(m => new { m.Channel, m.Recipient, m.Event }).ToListAsync());
        Assert.Contains(receipts, r => r.Channel == ContactChannel.Email && r.Recipient == "ana.ruiz@example.mx");
        Assert.Contains(receipts, r => r.Channel == ContactChannel.Whatsapp && r.Recipient == "+524924781000" && r.Event == "received");
    }

    [Theory, BothDatabases]
    public async Task A_report_without_consent_or_a_way_to_answer_is_refused_in_Spanish_and_nothing_is_filed(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database);
        using var browser = PortalSteps.Browser(app);
        var fields = PortalSteps.Report();
        fields["Form.Consent"] = "false";
        fields["Form.Phone"] = "";
        fields["Form.Email"] = "";

        var response = await browser.PostFormAsync("/portal/reportar", "reporte", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("acepta el aviso de privacidad", html, StringComparison.Ordinal);
        Assert.Contains("Indica un teléfono o un correo", html, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Tickets.CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task A_form_posted_without_its_antiforgery_token_is_rejected(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database);
        using var client = app.CreateClient();
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>(PortalSteps.Report()) { ["_handler"] = "reporte" });

        var response = await client.PostAsync("/portal/reportar", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Tickets.CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task A_filled_honeypot_files_nothing(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database);
        using var browser = PortalSteps.Browser(app);
        var fields = PortalSteps.Report();
        fields["Form.SitioWeb"] = "https://spam.example";

        var response = await browser.PostFormAsync("/portal/reportar", "reporte", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => db.Tickets.CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task Too_many_forms_from_one_address_are_answered_429_in_Spanish(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database, new() { ["Portal:RateLimits:PerIpPermits"] = "2" });
        using var browser = PortalSteps.Browser(app);
        var bad = new Dictionary<string, string> { ["Lookup.Folio"] = "NM-2026-000001", ["Lookup.Proof"] = "x@example.mx" };

        var first = await browser.PostFormAsync("/portal/folio", "abrir", bad);
        var second = await browser.PostFormAsync("/portal/folio", "abrir", bad);
        var third = await browser.PostFormAsync("/portal/folio", "abrir", bad);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests), (first.StatusCode, second.StatusCode, third.StatusCode));
        Assert.Contains("Demasiados intentos", WebUtility.HtmlDecode(await third.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await browser.Http.GetAsync("/portal")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Portal_pages_carry_security_headers_and_encode_what_subscribers_wrote(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database);
        using var browser = PortalSteps.Browser(app);
        var fields = PortalSteps.Report();
        fields["Form.Description"] = "<script>alert('x')</script> sin servicio";

        await PortalSteps.FileAsync(browser, fields);
        var response = await browser.Http.GetAsync("/portal/constancia");
        var raw = await response.Content.ReadAsStringAsync();

        Assert.DoesNotContain("<script>alert", raw, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert", raw, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Theory, BothDatabases]
    public async Task The_home_page_shows_every_channel_with_its_hours_from_the_provider_profile(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database);
        using var browser = PortalSteps.Browser(app);

        var html = await browser.GetPageAsync("/portal");

        foreach (var text in new[] { "Netmas", "492-47-81-000", "335-98-01-746", "332-73-62-020", "Lunes a sábado de 7:00 a 22:00",
                     "notificaciones@netmas.com", "contacto@netmas.mx", "www.netmas.mx", "WhatsApp", "/portal/privacidad", "lang=\"es\"" })
        {
            Assert.Contains(text, html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Bandeja", html, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task An_unknown_portal_address_is_a_404_in_the_portals_own_frame(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database);
        using var browser = PortalSteps.Browser(app);

        var response = await browser.Http.GetAsync("/portal/no-existe");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Ir al inicio del portal", html, StringComparison.Ordinal);
        Assert.DoesNotContain("bandeja", html, StringComparison.OrdinalIgnoreCase);
    }
}
