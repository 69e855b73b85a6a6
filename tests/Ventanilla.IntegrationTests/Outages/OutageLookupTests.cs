using System.Net;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Channels.Phone;
using Ventanilla.Data;
using Ventanilla.IntegrationTests.Portal;
using Ventanilla.IntegrationTests.WhatsApp;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests.Outages;

/// <summary>Every channel tells a caller under an outage before they ask: the API, the phone desk, the WhatsApp bot and the portal.</summary>
public class OutageLookupTests
{
    [Theory, BothDatabases]
    public async Task The_API_answers_a_phone_system_by_phone_contract_or_service_with_the_outage_in_Spanish(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database, OutageWorld.Settings());
        var world = await OutageWorld.SeedAsync(app);
        var outageId = await world.DeclareOnAAsync(app);
        var api = app.Api();

        var byPhone = await api.GetJsonAsync("/api/v1/outages/affecting?phone=" + Uri.EscapeDataString("(492) 111-0001"));
        var byContract = await api.GetJsonAsync("/api/v1/outages/affecting?contract=nm-1002");
        var byService = await api.GetJsonAsync("/api/v1/outages/affecting?service=E-1");
        var elsewhere = await api.GetJsonAsync("/api/v1/outages/affecting?contract=NM-1004");
        var suspended = await api.GetJsonAsync("/api/v1/outages/affecting?contract=NM-1003");
        var nothingAsked = await api.GetAsync("/api/v1/outages/affecting");

        var outage = Assert.Single(byPhone.GetProperty("outages").EnumerateArray());
        Assert.True(byPhone.GetProperty("affected").GetBoolean());
        Assert.Equal(($"FM-{outageId:D6}", "investigating"), (outage.Str("code"), outage.Str("status")));
        Assert.StartsWith($"Hay una falla en tu zona (FM-{outageId:D6}): Corte de fibra en el sector A. Estimamos restablecer el servicio el ", outage.Str("message"),
            StringComparison.Ordinal);
        Assert.Equal(["A-2", "A-3"], byContract.GetProperty("outages")[0].GetProperty("services").EnumerateArray().Select(s => s.GetString()).Order());
        Assert.True(byService.GetProperty("affected").GetBoolean());
        Assert.False(elsewhere.GetProperty("affected").GetBoolean());
        Assert.False(suspended.GetProperty("affected").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, nothingAsked.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task The_phone_desk_card_of_a_caller_under_an_outage_carries_it_for_the_banner(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database, OutageWorld.Settings());
        var world = await OutageWorld.SeedAsync(app);
        var outageId = await world.DeclareOnAAsync(app);

        var ana = Assert.Single(await app.WithDbAsync(db => CallerLookup.FindAsync(db, "4921110001", 8, app.Now, CancellationToken.None)));
        var diego = Assert.Single(await app.WithDbAsync(db => CallerLookup.FindAsync(db, "4921110004", 8, app.Now, CancellationToken.None)));

        Assert.Equal(outageId, Assert.Single(ana.Outages!).Id);
        Assert.Empty(diego.Outages!);
    }

    [Theory, BothDatabases]
    public async Task The_WhatsApp_bot_tells_a_known_subscriber_first_and_the_report_they_file_is_linked(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        var world = await OutageWorld.SeedAsync(kit.App);
        var outageId = await world.DeclareOnAAsync(kit.App);
        const string ana = "5214921110001";

        await kit.DeliverAsync(Payloads.Text(kit.NextId(), "Hola", from: ana));
        await kit.DeliverAsync(Payloads.ListReply(kit.NextId(), "menu:falla", "Reportar una falla", from: ana));
        await kit.DeliverAsync(Payloads.Text(kit.NextId(), "No tengo internet", from: ana));

        var sent = kit.SentTexts();
        Assert.Contains($"Hay una falla en tu zona (FM-{outageId:D6})", sent[0], StringComparison.Ordinal);
        Assert.Contains("Reportar una falla", sent[1], StringComparison.Ordinal);
        var ticket = await kit.TicketAsync();
        Assert.Equal((TicketKind.Fault, (long?)outageId), (ticket.Kind, ticket.OutageId));
        Assert.Contains(ticket.Folio, sent[^1], StringComparison.Ordinal);
        Assert.Contains($"Hay una falla en tu zona (FM-{outageId:D6})", sent[^1], StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task The_portal_tells_the_outage_after_a_contract_or_a_postal_code_is_entered(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database, OutageWorld.Settings());
        var world = await OutageWorld.SeedAsync(app);
        var outageId = await world.DeclareOnAAsync(app);
        using var browser = PortalSteps.Browser(app);

        var byContract = WebUtility.HtmlDecode(await browser.GetPageAsync("/portal/fallas?contrato=NM-1001"));
        var byPostalCode = WebUtility.HtmlDecode(await browser.GetPageAsync("/portal/fallas?cp=98000"));
        var byColonia = WebUtility.HtmlDecode(await browser.GetPageAsync("/portal/fallas?colonia=centro"));
        var elsewhere = WebUtility.HtmlDecode(await browser.GetPageAsync("/portal/fallas?cp=98600"));

        var told = $"Hay una falla en tu zona (FM-{outageId:D6}): Corte de fibra en el sector A.";
        Assert.Contains(told, byContract, StringComparison.Ordinal);
        Assert.Contains(told, byPostalCode, StringComparison.Ordinal);
        Assert.Contains(told, byColonia, StringComparison.Ordinal);
        Assert.DoesNotContain(told, elsewhere, StringComparison.Ordinal);
        Assert.Contains("No sabemos de ninguna falla en tu zona", elsewhere, StringComparison.Ordinal);
    }
}
