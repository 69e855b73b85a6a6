using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Channels.Phone;
using Ventanilla.Data;
using Ventanilla.Intake;
using Ventanilla.IntegrationTests.Portal;
using Ventanilla.Messaging;
using Ventanilla.Network.Outages;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests.Outages;

/// <summary>Reports from services under an active outage become its children at intake, each with its own folio and receipt.</summary>
public class OutageLinkingTests
{
    private static Dictionary<string, object?> FaultFrom(string account, string phone, string? address = null)
    {
        var report = Json.Fault(subscriber: new { accountNumber = account, name = "Quien reporta", phone });
        report["address"] = address;
        return report;
    }

    private static Task<Ticket> TicketAsync(VentanillaApp app, string folio) =>
        app.WithDbAsync(db => db.Tickets.Include(t => t.Timeline).SingleAsync(t => t.Folio == folio));

    private static Task<List<OutboxMessage>> ReceiptsAsync(VentanillaApp app, long ticketId) =>
        app.WithDbAsync(db => db.Outbox.Where(m => m.TicketId == ticketId && m.Kind == OutboxKind.Receipt).ToListAsync());

    [Theory, BothDatabases]
    public async Task A_fault_from_a_service_under_an_active_outage_is_linked_keeps_its_own_folio_and_its_receipt_tells_the_outage(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database, OutageWorld.Settings());
        var world = await OutageWorld.SeedAsync(app);
        var outageId = await world.DeclareOnAAsync(app);

        var (status, body, _) = await app.Api().PostAsync("/api/v1/tickets", FaultFrom("NM-1001", "492 111 0001"));

        Assert.Equal(HttpStatusCode.Created, status);
        var ticket = await TicketAsync(app, body.Str("folio"));
        Assert.Equal(outageId, ticket.OutageId);
        Assert.Equal(await app.WithDbAsync(db => db.Services.Where(s => s.Code == "A-1").Select(s => (long?)s.Id).SingleAsync()), ticket.ServiceId);
        Assert.Matches(@"^NM-\d{4}-000001$", ticket.Folio);
        var receipt = Assert.Single(await ReceiptsAsync(app, ticket.Id));
        Assert.Equal(ContactChannel.Whatsapp, receipt.Channel);
        Assert.Contains(ticket.Folio, receipt.Body, StringComparison.Ordinal);
        Assert.Contains($"Hay una falla en tu zona (FM-{outageId:D6}): Corte de fibra en el sector A. Estimamos restablecer el servicio el ", receipt.Body,
            StringComparison.Ordinal);
        // Outside the 24-hour window the approved template goes, and it carries the outage too.
        Assert.Equal(OutageEvents.ReceivedInOutage, receipt.Event);
        Assert.Contains($"FM-{outageId:D6}", receipt.TemplateValues());
        var linked = await app.WithDbAsync(db => db.OutageEntries.Where(e => e.OutageId == outageId && e.Type == OutageEntryType.ReportLinked).ToListAsync());
        Assert.Equal(ticket.Folio, Assert.Single(linked).Body);
    }

    [Theory, BothDatabases]
    public async Task A_fault_from_a_service_elsewhere_and_a_complaint_from_an_affected_one_are_not_linked(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database, OutageWorld.Settings());
        var world = await OutageWorld.SeedAsync(app);
        await world.DeclareOnAAsync(app);
        var complaint = FaultFrom("NM-1001", "492 111 0001");
        complaint["kind"] = "complaint";

        var elsewhere = (await app.Api().PostAsync("/api/v1/tickets", FaultFrom("NM-1004", "492 111 0004"))).Body.Str("folio");
        var complained = (await app.Api().PostAsync("/api/v1/tickets", complaint)).Body.Str("folio");

        var diego = await TicketAsync(app, elsewhere);
        Assert.Null(diego.OutageId);
        Assert.NotNull(diego.ServiceId);
        Assert.All(await ReceiptsAsync(app, diego.Id), r => Assert.DoesNotContain("falla en tu zona", r.Body, StringComparison.Ordinal));
        var ana = await TicketAsync(app, complained);
        Assert.Null(ana.OutageId);
        Assert.NotNull(ana.ServiceId);
    }

    [Theory, BothDatabases]
    public async Task A_subscriber_with_services_on_both_sides_is_linked_only_when_the_report_names_the_affected_address(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database, OutageWorld.Settings());
        var world = await OutageWorld.SeedAsync(app);
        var outageId = await world.DeclareOnAAsync(app);

        var atA = (await app.Api().PostAsync("/api/v1/tickets", FaultFrom("NM-1005", "492 111 0005", "Calle Olivo 3, Centro"))).Body.Str("folio");
        var atB = (await app.Api().PostAsync("/api/v1/tickets", FaultFrom("NM-1005", "492 111 0005", "Calle Sauce 4, Guadalupe"))).Body.Str("folio");
        var unsaid = (await app.Api().PostAsync("/api/v1/tickets", FaultFrom("NM-1005", "492 111 0005", "Zacatecas"))).Body.Str("folio");

        Assert.Equal(outageId, (await TicketAsync(app, atA)).OutageId);
        Assert.Null((await TicketAsync(app, atB)).OutageId);
        var unknown = await TicketAsync(app, unsaid);
        Assert.Null(unknown.ServiceId);
        Assert.Null(unknown.OutageId);
    }

    [Theory, BothDatabases]
    public async Task A_retried_report_with_the_same_idempotency_key_is_filed_and_linked_once(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database, OutageWorld.Settings());
        var world = await OutageWorld.SeedAsync(app);
        var outageId = await world.DeclareOnAAsync(app);
        var client = app.Api();
        client.DefaultRequestHeaders.Add("Idempotency-Key", "llamada-77");

        var first = await client.PostAsync("/api/v1/tickets", FaultFrom("NM-1001", "492 111 0001"));
        var second = await client.PostAsync("/api/v1/tickets", FaultFrom("NM-1001", "492 111 0001"));

        Assert.Equal(first.Body.Str("folio"), second.Body.Str("folio"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Tickets.CountAsync(t => t.OutageId == outageId)));
        Assert.Equal(1, await app.WithDbAsync(db => db.OutageEntries.CountAsync(e => e.OutageId == outageId && e.Type == OutageEntryType.ReportLinked)));
    }

    [Theory, BothDatabases]
    public async Task Planned_maintenance_links_reports_only_once_its_start_has_passed(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database, OutageWorld.Settings());
        var world = await OutageWorld.SeedAsync(app);
        var outageId = await world.DeclareOnAAsync(app, OutageKind.PlannedMaintenance, startedAt: app.Now.AddHours(2), estimate: app.Now.AddHours(4));

        var before = (await app.Api().PostAsync("/api/v1/tickets", FaultFrom("NM-1001", "492 111 0001"))).Body.Str("folio");
        app.Clock.Advance(TimeSpan.FromHours(3));
        var during = (await app.Api().PostAsync("/api/v1/tickets", FaultFrom("NM-1002", "492 111 0002", "Calle Juárez 5"))).Body.Str("folio");

        Assert.Null((await TicketAsync(app, before)).OutageId);
        Assert.Equal(outageId, (await TicketAsync(app, during)).OutageId);
    }

    [Theory, BothDatabases]
    public async Task A_fault_taken_at_the_phone_desk_is_linked_and_its_written_receipt_tells_the_outage(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database, OutageWorld.Settings());
        var world = await OutageWorld.SeedAsync(app);
        var outageId = await world.DeclareOnAAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();

        var (result, errors) = await PhoneReports.RegisterAsync(db, scope.ServiceProvider.GetRequiredService<TicketIntake>(),
            new PhoneReportForm { Kind = "fault", Description = "Sin internet desde hace una hora", Phone = "492 111 0001", Name = "Ana Ruiz" },
            world.Ana, new Actor("agent-1", "Ana Agente"), app.Now, CancellationToken.None);

        Assert.False(errors.Any);
        var ticket = await TicketAsync(app, result!.Ticket.Folio);
        Assert.Equal(outageId, ticket.OutageId);
        Assert.Contains(await ReceiptsAsync(app, ticket.Id), r => r.Body.Contains($"falla en tu zona (FM-{outageId:D6})", StringComparison.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task A_fault_filed_on_the_portal_by_contract_is_linked_and_its_receipt_page_says_so(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database, OutageWorld.Settings());
        var world = await OutageWorld.SeedAsync(app);
        var outageId = await world.DeclareOnAAsync(app);
        using var browser = PortalSteps.Browser(app);
        var fields = PortalSteps.Report(phone: "492 111 0002", email: "beto@example.mx");
        fields["Form.AccountNumber"] = "NM-1002";
        fields["Form.Address"] = "Calle Morelos 9, Centro";

        var folio = await PortalSteps.FileAsync(browser, fields);

        var ticket = await TicketAsync(app, folio);
        Assert.Equal(outageId, ticket.OutageId);
        var page = await browser.GetPageAsync("/portal/constancia");
        Assert.Contains($"Hay una falla en tu zona (FM-{outageId:D6})", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
    }
}
