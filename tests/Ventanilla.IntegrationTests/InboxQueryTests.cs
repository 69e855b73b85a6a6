using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Data;
using Ventanilla.Tickets;
using Ventanilla.Tickets.Inbox;

namespace Ventanilla.IntegrationTests;

public class InboxQueryTests
{
    private static async Task<string[]> Folios(VentanillaApp app, InboxFilter filter, InboxCursor? after = null, int size = 50) =>
        await app.WithDbAsync(async db => (await InboxQuery.PageAsync(db, filter, app.Now, after, size, CancellationToken.None)).Rows.Select(r => r.Folio).ToArray());

    [Theory, BothDatabases]
    public async Task PageAsync_WalksEveryTicketOnceNewestActivityFirst(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var folios = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            folios.Add((await client.PostAsync("/api/v1/tickets", Json.Fault($"Reporte {i}"))).Body.Str("folio"));
        }

        // Activity on the oldest ticket brings it to the top.
        await client.PostAsync($"/api/v1/tickets/{folios[0]}/notes", new { text = "Llamó otra vez" });
        var filter = new InboxFilter(InboxView.All, "nobody", null);
        var seen = new List<string>();
        InboxCursor? cursor = null;
        do
        {
            var page = await app.WithDbAsync(db => InboxQuery.PageAsync(db, filter, app.Now, cursor, 3, CancellationToken.None));
            seen.AddRange(page.Rows.Select(r => r.Folio));
            cursor = page.Next;
        }
        while (cursor is not null);

        Assert.Equal([folios[0], folios[6], folios[5], folios[4], folios[3], folios[2], folios[1]], seen);
    }

    [Theory, BothDatabases]
    public async Task PageAsync_Views_ShowMineUnassignedMyAreaAndOpen(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        // Queries, which routing leaves without an area, so only the assignments below place them.
        static Dictionary<string, object?> Query(string text)
        {
            var report = Json.Fault(text);
            report["kind"] = "query";
            return report;
        }

        var mine = (await client.PostAsync("/api/v1/tickets", Query("Uno"))).Body.Str("folio");
        var area = (await client.PostAsync("/api/v1/tickets", Query("Dos"))).Body.Str("folio");
        var closed = (await client.PostAsync("/api/v1/tickets", Query("Tres"))).Body.Str("folio");
        var adminId = await app.WithDbAsync(db => db.Users.Select(u => u.Id).SingleAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Staff.StaffUser>>();
            await users.AddToRoleAsync(await users.FindByIdAsync(adminId) ?? throw new InvalidOperationException(), Staff.Roles.Agent);
        }

        await client.PostAsync($"/api/v1/tickets/{mine}/assignment", new { customerServiceOwner = adminId });
        await client.PostAsync($"/api/v1/tickets/{area}/assignment", new { area = "tecnica" });
        await client.PostAsync($"/api/v1/tickets/{closed}/status", new { status = "cancelled", reason = "spam" });
        var tecnica = await app.WithDbAsync(db => db.Areas.Where(a => a.Code == "tecnica").Select(a => a.Id).SingleAsync());

        Assert.Equal([mine], await Folios(app, new InboxFilter(InboxView.Mine, adminId, null)));
        Assert.Equal([area], await Folios(app, new InboxFilter(InboxView.Unassigned, adminId, null)));
        Assert.Equal([area], await Folios(app, new InboxFilter(InboxView.MyArea, adminId, tecnica)));
        Assert.Equal([area, mine], await Folios(app, new InboxFilter(InboxView.Open, adminId, null)));
        Assert.Equal([closed], await Folios(app, new InboxFilter(InboxView.All, adminId, null, Status: TicketStatus.Cancelled)));
    }

    [Theory, BothDatabases]
    public async Task PageAsync_SearchAndFilters_Combine(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var modem = (await client.PostAsync("/api/v1/tickets", Json.Fault("El módem no enciende"))).Body.Str("folio");
        var question = Json.Fault("¿Cuánto cuesta el plan de 100 megas?");
        question["kind"] = "query";
        question["channel"] = "web";
        var query = (await client.PostAsync("/api/v1/tickets", question)).Body.Str("folio");

        var all = new InboxFilter(InboxView.All, "x", null);
        Assert.Equal([modem], await Folios(app, all with { Search = "modem" }));
        Assert.Equal([query], await Folios(app, all with { Kind = TicketKind.Query }));
        Assert.Equal([query], await Folios(app, all with { Channel = ContactChannel.Web }));
        Assert.Empty(await Folios(app, all with { Search = "modem", Channel = ContactChannel.Web }));
    }
}
