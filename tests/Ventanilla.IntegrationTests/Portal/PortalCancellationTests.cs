using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Channels.Portal;
using Ventanilla.Data;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests.Portal;

public class PortalCancellationTests
{
    private static async Task SubscriberAsync(VentanillaApp app) =>
        Assert.Equal(HttpStatusCode.Created, (await app.Api().PostAsync("/api/v1/subscribers", new
        {
            accountNumber = "ZAC-10442",
            name = "Rosa Méndez",
            phones = new[] { "332 736 2020" },
            emails = new[] { "rosa.mendez@example.mx" },
        })).Status);

    [Theory, BothDatabases]
    public async Task A_cancellation_with_the_contracts_phone_gets_a_folio_at_once_routed_to_cancellations(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database);
        await SubscriberAsync(app);
        using var browser = PortalSteps.Browser(app);

        var response = await browser.PostFormAsync("/portal/cancelar", "cancelacion", new()
        {
            ["Form.AccountNumber"] = "zac-10442", ["Form.Proof"] = "(33) 2736-2020", ["Form.Reason"] = "Me mudo de ciudad", ["Form.Consent"] = "true",
        });

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var folio = PortalSteps.FolioOn(await browser.GetPageAsync("/portal/constancia"));
        var ticket = await PortalSteps.TicketAsync(app, folio);
        Assert.Equal((TicketKind.Cancellation, ContactChannel.Web, "cancelaciones"), (ticket.Kind, ticket.Channel, ticket.Area?.Code));
        Assert.NotNull(ticket.SubscriberId);
        Assert.Contains("Me mudo de ciudad", ticket.Description, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_cancellation_with_a_wrong_proof_says_the_same_as_for_an_unknown_contract_and_files_nothing(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database);
        await SubscriberAsync(app);
        using var browser = PortalSteps.Browser(app);

        var wrong = await browser.PostFormAsync("/portal/cancelar", "cancelacion", new()
            { ["Form.AccountNumber"] = "ZAC-10442", ["Form.Proof"] = "otra@example.mx", ["Form.Consent"] = "true" });
        var unknown = await browser.PostFormAsync("/portal/cancelar", "cancelacion", new()
            { ["Form.AccountNumber"] = "ZAC-99999", ["Form.Proof"] = "otra@example.mx", ["Form.Consent"] = "true" });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (wrong.StatusCode, unknown.StatusCode));
        var message = "No pudimos comprobar tu identidad con esos datos";
        Assert.Contains(message, WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains(message, WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Tickets.CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task A_contract_number_of_control_characters_or_over_forty_characters_is_refused_in_Spanish_and_files_nothing(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database);
        await SubscriberAsync(app);
        using var browser = PortalSteps.Browser(app);

        // The browser's form cannot carry a NUL to the page, so the intake is asked directly, as the page asks it.
        using var scope = app.Services.CreateScope();
        var nul = await scope.ServiceProvider.GetRequiredService<PortalIntake>().CancelAsync(
            new CancelForm { AccountNumber = "\0", Proof = "332 736 2020", Consent = true }, CancellationToken.None);
        var tooLong = await browser.PostFormAsync("/portal/cancelar", "cancelacion", new()
            { ["Form.AccountNumber"] = new string('9', 41), ["Form.Proof"] = "332 736 2020", ["Form.Consent"] = "true" });

        Assert.Null(nul.Ticket);
        Assert.Equal(["Escribe tu número de contrato."], nul.Errors["accountNumber"]);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("Admite como máximo 40 caracteres", WebUtility.HtmlDecode(await tooLong.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Tickets.CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task A_privacy_rights_request_without_a_description_is_refused_in_Spanish(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database);
        using var browser = PortalSteps.Browser(app);

        var response = await browser.PostFormAsync("/portal/derechos-arco", "arco", new()
        {
            ["Form.Right"] = "acceso", ["Form.Name"] = "Luis Ortega", ["Form.Email"] = "luis.ortega@example.mx",
            ["Form.Description"] = "  ", ["Form.Consent"] = "true",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Falta la descripción", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Tickets.CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task A_privacy_rights_request_becomes_a_privacy_request_ticket_due_in_twenty_business_days(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database);
        using var browser = PortalSteps.Browser(app);

        var response = await browser.PostFormAsync("/portal/derechos-arco", "arco", new()
        {
            ["Form.Right"] = "rectificacion", ["Form.Name"] = "Luis Ortega", ["Form.Email"] = "luis.ortega@example.mx",
            ["Form.Description"] = "Mi apellido está mal escrito: es Ortega, no Ortego.", ["Form.Consent"] = "true",
        });

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var folio = PortalSteps.FolioOn(await browser.GetPageAsync("/portal/constancia"));
        var ticket = await PortalSteps.TicketAsync(app, folio);
        Assert.Equal(TicketKind.PrivacyRequest, ticket.Kind);
        Assert.Contains("Rectificación", ticket.Subject, StringComparison.Ordinal);
        Assert.NotNull(ticket.DueAt);
        // Twenty business days are four weeks at least, and never more than five and a bit with holidays.
        Assert.InRange((ticket.DueAt!.Value - ticket.ReportedAt).TotalDays, 26, 40);
        var json = await app.Api().GetJsonAsync($"/api/v1/tickets/{folio}");
        Assert.Equal("privacy_request", json.Str("kind"));
    }

    [Theory, BothDatabases]
    public async Task The_privacy_notice_uses_the_configured_text(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database, new() { ["Portal:PrivacyNotice"] = "Aviso de prueba.\n\nSegundo párrafo <b>sin etiquetas</b>." });
        using var browser = PortalSteps.Browser(app);

        var response = await browser.Http.GetAsync("/portal/privacidad");
        var raw = await response.Content.ReadAsStringAsync();

        Assert.Contains("<p>Aviso de prueba.</p>", raw, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;sin etiquetas&lt;/b&gt;", raw, StringComparison.Ordinal);
    }
}
