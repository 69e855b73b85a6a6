using System.Net;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Routing;
using Ventanilla.Staff;
using static Ventanilla.IntegrationTests.FollowUpRulesSteps;

namespace Ventanilla.IntegrationTests;

/// <summary>Routing rules and assignment within an area: edited in administration, applied at intake, explained on the timeline.</summary>
public class RoutingTests
{
    [Theory, BothDatabases]
    public async Task A_routing_rule_added_in_admin_routes_the_next_ticket_by_postal_code_and_says_which_rule(DatabaseKind database)
    {
        // Every system note must name the rule: at an hour the area is open, so no closed-area note is among them.
        await using var app = await StartAsync(database, TestClock.DefaultStart);
        using var admin = await ConsoleClient.SignInAsync(app);

        var saved = await admin.PostFormAsync("/admin/enrutamiento", "regla-ruta", new()
        {
            ["Form.Position"] = "1", ["Form.Name"] = "Fallas de Fresnillo", ["Form.Enabled"] = "true", ["Form.Kind"] = "fault",
            ["Form.PostalCodes"] = "99", ["Form.Area"] = "comercial", ["Form.Priority"] = "urgent",
        });
        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        var client = app.Api();
        var there = (await client.PostAsync("/api/v1/tickets", Report("fault", "Sin señal", address: "Calle Juárez 4, C.P. 99000, Fresnillo"))).Body.Str("folio");
        var elsewhere = (await client.PostAsync("/api/v1/tickets", Report("fault", "Sin señal", address: "Av. Hidalgo 120, C.P. 98000, Zacatecas"))).Body.Str("folio");

        var routed = await client.GetJsonAsync($"/api/v1/tickets/{there}");
        Assert.Equal(("comercial", "urgent"), (routed.Str("area"), routed.Str("priority")));
        var decisions = routed.GetProperty("timeline").EnumerateArray().Where(e => e.Str("actor") == "Ventanilla").ToArray();
        Assert.All(decisions, e => Assert.Contains("«Fallas de Fresnillo»", e.Str("body"), StringComparison.Ordinal));
        Assert.Equal("tecnica", (await client.GetJsonAsync($"/api/v1/tickets/{elsewhere}")).Str("area"));
    }

    [Theory, BothDatabases]
    public async Task A_routing_edit_leaves_the_deadline_revision_as_it_was_so_no_ticket_is_recomputed(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        using var admin = await ConsoleClient.SignInAsync(app);
        await app.Api().PostAsync("/api/v1/tickets", Report("fault", "Sin señal"));
        await EditRulesAsync(app, _ => Task.CompletedTask);
        async Task<(int, int, long)> Revision() => await app.WithDbAsync(db => db.Set<Ventanilla.Deadlines.Rules.FollowUpRevision>()
            .Select(r => new ValueTuple<int, int, long>(r.Revision, r.AppliedRevision, r.CursorTicketId)).SingleAsync());
        var before = await Revision();

        var saved = await admin.PostFormAsync("/admin/enrutamiento", "regla-ruta", new()
        {
            ["Form.Position"] = "1", ["Form.Name"] = "Fallas de Fresnillo", ["Form.Enabled"] = "true", ["Form.Kind"] = "fault",
            ["Form.PostalCodes"] = "99", ["Form.Area"] = "comercial", ["Form.Priority"] = "urgent",
        });

        Assert.Equal(HttpStatusCode.Found, saved.StatusCode);
        Assert.Equal(before, await Revision());
    }

    [Theory, BothDatabases]
    public async Task Default_routing_sends_each_kind_to_its_area(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        var client = app.Api();

        async Task<string?> AreaOf(string kind, string text)
        {
            var body = (await client.PostAsync("/api/v1/tickets", Report(kind, text))).Body;
            return body.GetProperty("area").GetString();
        }

        Assert.Equal("tecnica", await AreaOf("fault", "Se cae el internet"));
        Assert.Equal("servicio_al_cliente", await AreaOf("complaint", "Me trataron mal"));
        Assert.Equal("facturacion", await AreaOf("clarification", "Cobro doble"));
        Assert.Equal("cancelaciones", await AreaOf("cancellation", "Ya no quiero el servicio"));
        Assert.Equal("servicio_al_cliente", await AreaOf("query", "Quiero ejercer mis DERECHOS ARCO sobre mis datos personales"));
        Assert.Null(await AreaOf("suggestion", "Abran una sucursal"));
    }

    [Theory, BothDatabases]
    public async Task Round_robin_gives_concurrent_reports_to_the_area_members_in_turn(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        await AlwaysOpenAsync(app, "servicio_al_cliente");
        var agents = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            agents.Add((await CreateUserAsync(app, $"agente{i}@localhost", Roles.Agent, "servicio_al_cliente")).Id);
        }

        var client = app.Api();
        var created = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            client.PostAsync("/api/v1/tickets", Report("complaint", $"Queja número {i}"))));

        var owners = created.Select(c => c.Body.GetProperty("customerServiceOwner").GetString()).ToList();
        Assert.All(agents, a => Assert.Equal(10, owners.Count(o => o == a)));
        Assert.Equal(30, await app.WithDbAsync(db => db.AreaRouting.Where(r => r.AreaId == 1).Select(r => r.Turns).FirstAsync()));
    }

    [Fact]
    public async Task An_admin_sets_how_an_area_hands_out_its_folios_from_the_routing_page()
    {
        await using var app = await StartAsync(DatabaseKind.Sqlite);
        var area = await app.WithDbAsync(db => db.Areas.SingleAsync(a => a.Code == "tecnica"));
        using var admin = await ConsoleClient.SignInAsync(app);

        var saved = await admin.PostFormAsync("/admin/enrutamiento", $"reparto-{area.Id}",
            new() { ["Mode.Mode"] = "least_loaded", ["Mode.Slot"] = "technical_lead" });
        var refused = await admin.PostFormForPageAsync("/admin/enrutamiento", $"reparto-{area.Id}",
            new() { ["Mode.Mode"] = "a_la_suerte", ["Mode.Slot"] = "technical_lead" });

        Assert.Equal("/admin/enrutamiento?aviso=reparto", ConsoleClient.Location(saved));
        var setting = await app.WithDbAsync(db => db.AreaRouting.SingleAsync(r => r.AreaId == area.Id));
        Assert.Equal((AssignmentMode.LeastLoaded, AssignmentSlot.TechnicalLead), (setting.Mode, setting.Slot));
        Assert.Contains("Elige el reparto y el puesto de la lista.", refused, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Least_loaded_gives_the_report_to_the_member_with_fewest_open_tickets(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        await AlwaysOpenAsync(app, "tecnica");
        var busy = await CreateUserAsync(app, "lider1@localhost", Roles.TechnicalLead, "tecnica");
        var idle = await CreateUserAsync(app, "lider2@localhost", Roles.TechnicalLead, "tecnica");
        var client = app.Api();
        // Queries are not routed; given to the first lead by hand, they are two open tickets of theirs.
        for (var i = 0; i < 2; i++)
        {
            var query = (await client.PostAsync("/api/v1/tickets", Report("query", $"Pregunta {i}"))).Body.Str("folio");
            await client.PostAsync($"/api/v1/tickets/{query}/assignment", new { technicalLead = busy.Id });
        }

        var first = (await client.PostAsync("/api/v1/tickets", Report("fault", "Sin señal"))).Body;
        var second = (await client.PostAsync("/api/v1/tickets", Report("fault", "Sin señal otra vez"))).Body;

        Assert.Equal(idle.Id, first.GetProperty("technicalLead").GetString());
        Assert.Equal(idle.Id, second.GetProperty("technicalLead").GetString());
        var because = (await client.GetJsonAsync($"/api/v1/tickets/{second.Str("folio")}")).GetProperty("timeline").EnumerateArray()
            .Single(e => e.GetProperty("field").GetString() == "technicalLead").Str("body");
        Assert.Equal("Asignación a quien tiene menos folios abiertos en Técnica (1).", because);
    }
}
