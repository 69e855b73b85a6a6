using System.Net;
using Ventanilla.Data;
using Ventanilla.Network.Outages;
using static Ventanilla.IntegrationTests.Outages.OutageDeskWorld;

namespace Ventanilla.IntegrationTests.Outages;

/// <summary>An outage declared through the API and moved through investigando → identificada → monitoreo → restablecida → cerrada.</summary>
public class OutageProcedureTests
{
    [Theory, BothDatabases]
    public async Task A_declared_outage_advances_is_restored_and_closed_with_every_step_on_its_timeline(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        await TreeAsync(app, ("TORRE-1", null), ("SEC-1A", "TORRE-1"));
        await ServicesAsync(app, "SEC-1A", 3);
        var api = app.Api();
        var start = app.Now.AddMinutes(-30);

        var declared = await api.PostAsync("/api/v1/outages", new
        {
            kind = "unplanned", title = "Sin servicio en el sector 1A", nodes = new[] { "SEC-1A" }, startedAt = start,
            estimatedRestorationAt = app.Now.AddHours(2),
        });
        Assert.Equal(HttpStatusCode.Created, declared.Status);
        var id = declared.Body.GetProperty("id").GetInt64();
        Assert.Equal("investigating", declared.Body.Str("status"));
        Assert.Equal(3, declared.Body.GetProperty("activeServices").GetInt32());
        Assert.Equal($"FM-{id:D6}", declared.Body.Str("code"));

        Assert.Equal("identified", (await api.PostAsync($"/api/v1/outages/{id}/status", new { status = "identified", note = "Fibra cortada" })).Body.Str("status"));
        Assert.Equal("monitoring", (await api.PostAsync($"/api/v1/outages/{id}/status", new { status = "monitoring" })).Body.Str("status"));
        var estimate = await api.PostAsync($"/api/v1/outages/{id}/estimate", new { estimatedRestorationAt = app.Now.AddHours(3) });
        Assert.Equal(HttpStatusCode.OK, estimate.Status);
        var cause = await api.PostAsync($"/api/v1/outages/{id}/cause", new { cause = "Corte de fibra por obra", attributable = "yes", evidence = "Fotos de la cuadrilla" });
        Assert.Equal("yes", cause.Body.Str("attributable"));
        var restoredAt = app.Now.AddMinutes(-5);
        var restored = await api.PostAsync($"/api/v1/outages/{id}/restore", new { restoredAt });
        Assert.Equal("restored", restored.Body.Str("status"));
        Assert.Equal(restoredAt, restored.Body.GetProperty("restoredAt").GetDateTime(), TimeSpan.FromSeconds(1));
        var closed = await api.PostAsync($"/api/v1/outages/{id}/close", new { note = "Todo en orden" });

        Assert.Equal("closed", closed.Body.Str("status"));
        var types = closed.Body.GetProperty("timeline").EnumerateArray().Select(e => e.Str("type")).ToArray();
        Assert.Equal(["declared", "status_changed", "status_changed", "estimate_changed", "cause_recorded", "restored", "closed"], types);
        var listed = await api.GetAsync("/api/v1/outages/?status=closed");
        Assert.Contains($"FM-{id:D6}", await listed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task The_procedure_refuses_steps_out_of_order_with_409_and_its_reason_in_spanish(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        await TreeAsync(app, ("TORRE-1", null));
        var api = app.Api();
        var id = (await api.PostAsync("/api/v1/outages", new { kind = "unplanned", title = "Caída", nodes = new[] { "TORRE-1" } })).Body.GetProperty("id").GetInt64();

        var close = await api.PostAsync($"/api/v1/outages/{id}/close", new { });
        var identified = await api.PostAsync($"/api/v1/outages/{id}/status", new { status = "identified" });
        var again = await api.PostAsync($"/api/v1/outages/{id}/status", new { status = "identified" });
        var early = await api.PostAsync($"/api/v1/outages/{id}/restore", new { restoredAt = app.Now.AddHours(-5) });
        var confirm = await api.PostAsync($"/api/v1/outages/{id}/confirm", new { });

        Assert.Equal(HttpStatusCode.Conflict, close.Status);
        Assert.Equal("Solo una falla restablecida se cierra.", close.Body.Str("title"));
        Assert.Equal(HttpStatusCode.OK, identified.Status);
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Equal("Una falla identificada no pasa a identificada.", again.Body.Str("title"));
        Assert.Equal(HttpStatusCode.Conflict, early.Status);
        Assert.Equal(HttpStatusCode.Conflict, confirm.Status);
    }

    [Theory, BothDatabases]
    public async Task Declaring_checks_its_fields_and_names_unknown_nodes_and_a_past_start_for_planned_work(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        await TreeAsync(app, ("TORRE-1", null));
        var api = app.Api();

        var unknown = await api.PostAsync("/api/v1/outages", new { kind = "unplanned", title = "Caída", nodes = new[] { "NO-EXISTE" } });
        var planned = await api.PostAsync("/api/v1/outages", new { kind = "planned_maintenance", title = "Cambio de equipo", nodes = new[] { "TORRE-1" }, startedAt = app.Now.AddHours(-1) });
        var ahead = await api.PostAsync("/api/v1/outages", new { kind = "planned_maintenance", title = "Cambio de equipo", nodes = new[] { "TORRE-1" }, startedAt = app.Now.AddDays(1) });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains("«NO-EXISTE»", unknown.Body.GetProperty("errors").GetProperty("nodes")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, planned.Status);
        Assert.Equal("Un mantenimiento programado empieza en el futuro.", planned.Body.GetProperty("errors").GetProperty("startedAt")[0].GetString());
        Assert.Equal(HttpStatusCode.Created, ahead.Status);
        Assert.Equal("identified", ahead.Body.Str("status"));
    }

    [Theory, BothDatabases]
    public async Task A_change_sent_with_a_version_someone_else_changed_meanwhile_is_refused_as_stale(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        await TreeAsync(app, ("TORRE-1", null));
        var api = app.Api();
        var declared = (await api.PostAsync("/api/v1/outages", new { kind = "unplanned", title = "Caída", nodes = new[] { "TORRE-1" } })).Body;
        var id = declared.GetProperty("id").GetInt64();
        var seen = declared.GetProperty("version").GetInt32();

        var first = await api.PostAsync($"/api/v1/outages/{id}/estimate", new { estimatedRestorationAt = app.Now.AddHours(2), version = seen });
        var second = await api.PostAsync($"/api/v1/outages/{id}/estimate", new { estimatedRestorationAt = app.Now.AddHours(4), version = seen });

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.Conflict, second.Status);
        Assert.Equal("Alguien más modificó este registro mientras lo editabas.", second.Body.Str("title"));
    }

    [Theory, BothDatabases]
    public async Task Only_roles_that_manage_outages_declare_one(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        await TreeAsync(app, ("TORRE-1", null));
        using var agent = app.Api(await app.CreateApiKeyAsync(Staff.Roles.Agent));

        var refused = await agent.PostAsync("/api/v1/outages", new { kind = "unplanned", title = "Caída", nodes = new[] { "TORRE-1" } });
        var read = await agent.GetAsync("/api/v1/outages/");

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Empty(await OutagesAsync(app));
    }
}
