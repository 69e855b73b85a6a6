using System.Net;
using System.Text.Json;
using Ventanilla.Data;

namespace Ventanilla.IntegrationTests;

public class TicketLifecycleApiTests
{
    [Theory, BothDatabases]
    public async Task Fault_FromReportToConfirmedClosure_IsRecordedOnTheTimeline(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var folio = (await client.PostAsync("/api/v1/tickets", Json.Fault())).Body.Str("folio");
        var url = $"/api/v1/tickets/{folio}";

        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"{url}/status", new { status = "in_progress" })).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"{url}/notes", new { text = "El cliente pide visita por la tarde." })).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"{url}/status", new { status = "visit_scheduled" })).Status);
        var resolved = await client.PostAsync($"{url}/resolution", new { cause = "Conector dañado en la roseta", correction = "Se cambió el conector", upheld = true });
        Assert.Equal(HttpStatusCode.OK, resolved.Status);
        Assert.Equal("resolved", resolved.Body.Str("status"));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"{url}/notice", new { })).Status);
        var closed = await client.PostAsync($"{url}/status", new { status = "closed", confirmation = "confirmed" });
        Assert.Equal(HttpStatusCode.OK, closed.Status);

        var ticket = await client.GetJsonAsync(url);
        Assert.Equal(("closed", "confirmed"), (ticket.Str("status"), ticket.Str("confirmation")));
        Assert.True(ticket.GetProperty("resolution").GetProperty("upheld").GetBoolean());
        Assert.Equal("Conector dañado en la roseta", ticket.GetProperty("resolution").Str("cause"));
        Assert.NotEqual(JsonValueKind.Null, ticket.GetProperty("serviceRestoredAt").ValueKind);
        // Routing's automatic decisions are the system's; everything else is the key that acted.
        var byPeople = ticket.GetProperty("timeline").EnumerateArray().Where(e => e.Str("actor") != "Ventanilla").ToArray();
        var types = byPeople.Select(e => e.Str("type")).ToArray();
        Assert.Equal(["created", "status_changed", "note", "status_changed", "resolution_recorded", "ready_to_notify", "status_changed", "notification_queued", "status_changed"], types);
        Assert.All(byPeople, e => Assert.Equal("Clave de API «Bootstrap»", e.Str("actor")));
    }

    [Theory, BothDatabases]
    public async Task Close_FaultBeforeResolution_Is409NamingWhatIsMissing(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var folio = (await client.PostAsync("/api/v1/tickets", Json.Fault())).Body.Str("folio");
        await client.PostAsync($"/api/v1/tickets/{folio}/status", new { status = "in_progress" });

        var (status, body, response) = await client.PostAsync($"/api/v1/tickets/{folio}/status", new { status = "closed", confirmation = "confirmed" });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("in_progress", body.Str("currentStatus"));
        Assert.Equal(["resolution", "notification"], body.GetProperty("missing").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("resolución técnica", body.Str("title"), StringComparison.Ordinal);

        await client.PostAsync($"/api/v1/tickets/{folio}/resolution", new { cause = "Falla masiva", correction = "Se reparó el nodo", upheld = true });
        var notYetNotified = await client.PostAsync($"/api/v1/tickets/{folio}/status", new { status = "closed", confirmation = "confirmed" });
        Assert.Equal(HttpStatusCode.Conflict, notYetNotified.Status);
        Assert.Equal(["notification"], notYetNotified.Body.GetProperty("missing").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory, BothDatabases]
    public async Task ChangeStatus_IllegalMove_Is409WithCurrentAndAllowedStatuses(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var folio = (await client.PostAsync("/api/v1/tickets", Json.Fault())).Body.Str("folio");

        var (status, body, _) = await client.PostAsync($"/api/v1/tickets/{folio}/status", new { status = "notified" });

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal("registered", body.Str("currentStatus"));
        Assert.Equal(["in_progress", "cancelled"], body.GetProperty("allowedStatuses").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("registered", (await client.GetJsonAsync($"/api/v1/tickets/{folio}")).Str("status"));
    }

    [Theory, BothDatabases]
    public async Task Reopen_ClosedFault_NeedsTheSubscribersWordsAndMarksItNotFixed(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var folio = (await client.PostAsync("/api/v1/tickets", Json.Fault())).Body.Str("folio");
        var url = $"/api/v1/tickets/{folio}";
        await client.PostAsync($"{url}/status", new { status = "in_progress" });
        await client.PostAsync($"{url}/resolution", new { cause = "x", correction = "y", upheld = true });
        await client.PostAsync($"{url}/notice", new { });
        await client.PostAsync($"{url}/status", new { status = "closed", confirmation = "no_answer" });

        var withoutWords = await client.PostAsync($"{url}/status", new { status = "reopened" });
        var reopened = await client.PostAsync($"{url}/status", new { status = "reopened", reason = "Se volvió a caer el internet" });

        Assert.Equal(HttpStatusCode.BadRequest, withoutWords.Status);
        Assert.True(withoutWords.Body.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal(HttpStatusCode.OK, reopened.Status);
        Assert.Equal(("reopened", "not_fixed"), (reopened.Body.Str("status"), reopened.Body.Str("confirmation")));
        Assert.Equal(JsonValueKind.Null, reopened.Body.GetProperty("resolution").ValueKind);
    }

    [Theory, BothDatabases]
    public async Task Cancel_AsDuplicate_NeedsALivingSurvivorFolio(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var survivor = (await client.PostAsync("/api/v1/tickets", Json.Fault())).Body.Str("folio");
        var copy = (await client.PostAsync("/api/v1/tickets", Json.Fault())).Body.Str("folio");
        var url = $"/api/v1/tickets/{copy}/status";

        var noReason = await client.PostAsync(url, new { status = "cancelled" });
        var unknown = await client.PostAsync(url, new { status = "cancelled", reason = "duplicado", duplicateOf = "NM-1999-000001" });
        var itself = await client.PostAsync(url, new { status = "cancelled", reason = "duplicado", duplicateOf = copy });
        var ok = await client.PostAsync(url, new { status = "cancelled", reason = "duplicado", duplicateOf = survivor.ToLowerInvariant() });

        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Equal(HttpStatusCode.BadRequest, itself.Status);
        Assert.Equal(HttpStatusCode.OK, ok.Status);
        Assert.Equal((survivor, "duplicado"), (ok.Body.Str("duplicateOf"), ok.Body.Str("cancellationReason")));
    }

    [Theory, BothDatabases]
    public async Task Query_AnsweredAtIntake_ResolvesAndClosesWithoutTechnicalWork(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var report = Json.Fault("¿Qué velocidad tiene mi plan?");
        report["kind"] = "query";
        var folio = (await client.PostAsync("/api/v1/tickets", report)).Body.Str("folio");

        var resolved = await client.PostAsync($"/api/v1/tickets/{folio}/status", new { status = "resolved", reason = "Tu plan es de 50 Mbps." });
        var closed = await client.PostAsync($"/api/v1/tickets/{folio}/status", new { status = "closed" });

        Assert.Equal(HttpStatusCode.OK, resolved.Status);
        Assert.Equal("closed", closed.Body.Str("status"));
    }
}
