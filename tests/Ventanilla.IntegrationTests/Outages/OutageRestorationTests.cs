using System.Net;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Messaging;
using Ventanilla.Network.Outages;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests.Outages;

/// <summary>A restored outage resolves its children, asks each subscriber, and splits off the ones it did not fix.</summary>
public class OutageRestorationTests
{
    private static async Task<string> ReportAsync(VentanillaApp app, string account, string phone, string? address = null)
    {
        var report = Json.Fault(subscriber: new { accountNumber = account, name = "Quien reporta", phone });
        report["address"] = address;
        var (status, body, _) = await app.Api().PostAsync("/api/v1/tickets", report);
        Assert.Equal(HttpStatusCode.Created, status);
        return body.Str("folio");
    }

    private static Task<Ticket> TicketAsync(VentanillaApp app, string folio) =>
        app.WithDbAsync(db => db.Tickets.Include(t => t.Timeline).SingleAsync(t => t.Folio == folio));

    [Theory, BothDatabases]
    public async Task Restoration_resolves_the_children_with_the_cause_asks_them_and_splits_off_the_late_one_and_the_one_still_failing(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database, OutageWorld.Settings());
        var world = await OutageWorld.SeedAsync(app);
        var outageId = await world.DeclareOnAAsync(app);
        var ana = await ReportAsync(app, "NM-1001", "492 111 0001");
        var beto = await ReportAsync(app, "NM-1002", "492 111 0002", "Calle Juárez 5");
        app.Clock.Advance(TimeSpan.FromMinutes(50));
        // Reported after the failure ended, though before anyone recorded that it had.
        var elena = await ReportAsync(app, "NM-1005", "492 111 0005", "Calle Olivo 3");
        Assert.Equal(outageId, (await TicketAsync(app, elena)).OutageId);
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        await OutageWorld.ChangeAsync(app, outageId, o => o.RecordCause("Corte de fibra por obra municipal", true, "Fotos de la zanja", OutageWorld.Supervisor, app.Now));
        await OutageWorld.ChangeAsync(app, outageId, o => o.Restore(app.Now.AddMinutes(-30), "Fibra empalmada", OutageWorld.Supervisor, app.Now));

        var first = await OutageWorld.RestorationPassAsync(app);

        Assert.Equal(3, first);
        foreach (var folio in new[] { ana, beto })
        {
            var child = await TicketAsync(app, folio);
            Assert.Equal((TicketStatus.Notified, outageId), (child.Status, child.OutageId));
            Assert.Equal("Corte de fibra por obra municipal", child.Resolution?.Cause);
            Assert.True(child.Resolution?.Upheld);
            var asked = await app.WithDbAsync(db => db.Outbox.SingleAsync(m => m.TicketId == child.Id && m.Event == OutageEvents.ChildResolved));
            Assert.Contains("¿Ya tienes servicio?", asked.Body, StringComparison.Ordinal);
            Assert.Contains($"FM-{outageId:D6}", asked.Body, StringComparison.Ordinal);
        }

        var late = await TicketAsync(app, elena);
        Assert.Null(late.OutageId);
        Assert.True(TicketLifecycle.IsOpen(late.Status));
        Assert.NotEqual(TicketStatus.Notified, late.Status);
        Assert.Equal(2, await app.WithDbAsync(db => db.OutageNotices.CountAsync(n => n.OutageId == outageId && n.Event == OutageNoticeEvent.AskConfirmation)));

        // Beto answers that it still fails: his folio is reopened and goes on by itself; Ana confirms and hers closes.
        var answer = await app.Api().PostAsync($"/api/v1/tickets/{beto}/subscriber-answer", new { @fixed = false, said = "No, sigue igual" });
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(HttpStatusCode.OK, (await app.Api().PostAsync($"/api/v1/tickets/{ana}/subscriber-answer", new { @fixed = true })).Status);
        var again = await OutageWorld.RestorationPassAsync(app);

        Assert.Equal(0, again);
        var stillFailing = await TicketAsync(app, beto);
        Assert.Equal((TicketStatus.Reopened, (long?)null), (stillFailing.Status, stillFailing.OutageId));
        Assert.Null(stillFailing.Resolution);
        Assert.Contains(stillFailing.Timeline, e => e.Type == TimelineEntryType.OutageUnlinked);
        var fixedOne = await TicketAsync(app, ana);
        Assert.Equal((TicketStatus.Closed, (long?)outageId), (fixedOne.Status, fixedOne.OutageId));
    }

    [Theory, BothDatabases]
    public async Task A_child_reopened_by_staff_after_restoration_is_split_off_by_the_next_pass(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database, OutageWorld.Settings());
        var world = await OutageWorld.SeedAsync(app);
        var outageId = await world.DeclareOnAAsync(app);
        var ana = await ReportAsync(app, "NM-1001", "492 111 0001");
        app.Clock.Advance(TimeSpan.FromMinutes(20));
        await OutageWorld.ChangeAsync(app, outageId, o => o.Restore(app.Now, null, OutageWorld.Supervisor, app.Now));
        await OutageWorld.RestorationPassAsync(app);
        // Not attributable yet (no cause recorded): the report is resolved as not upheld.
        Assert.False((await TicketAsync(app, ana)).Resolution?.Upheld);

        await app.WithDbAsync(async db =>
        {
            var ticket = await db.Tickets.SingleAsync(t => t.Folio == ana);
            Assert.Null(ticket.ChangeStatus(new StatusChange(TicketStatus.Reopened, "Llamó: sigue sin servicio"), OutageWorld.Supervisor, app.Now));
            return await db.SaveChangesAsync();
        });
        var split = await OutageWorld.RestorationPassAsync(app);

        Assert.Equal(1, split);
        Assert.Null((await TicketAsync(app, ana)).OutageId);
    }
}
