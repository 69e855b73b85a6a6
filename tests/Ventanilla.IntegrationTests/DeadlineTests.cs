using System.Text.Json;
using Ventanilla.Data;
using Ventanilla.Tickets.Inbox;

namespace Ventanilla.IntegrationTests;

/// <summary>Each new ticket carries its resolution deadline, and the inbox finds what is due soon and overdue.</summary>
public class DeadlineTests
{
    private static Dictionary<string, object?> Report(string kind, DateTime reportedAt, string text)
    {
        var report = Json.Fault(text);
        report["kind"] = kind;
        report["reportedAt"] = reportedAt;
        return report;
    }

    [Theory, BothDatabases]
    public async Task Create_SetsTheResolutionDeadlineOfTheKind(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var reported = new DateTime(2026, 3, 13, 16, 0, 0, DateTimeKind.Utc); // a Friday, 10:00 in Mexico City

        var fault = (await client.PostAsync("/api/v1/tickets", Report("fault", reported, "Sin señal"))).Body;
        var complaint = (await client.PostAsync("/api/v1/tickets", Report("complaint", reported, "Cobro indebido"))).Body;
        var query = (await client.PostAsync("/api/v1/tickets", Report("query", reported, "¿Qué planes hay?"))).Body;

        // Repair within 24 hours; a complaint within 15 business days, skipping the March 16 rest day.
        Assert.Equal("2026-03-14T16:00:00Z", fault.Str("dueAt"));
        Assert.Equal("2026-04-06T16:00:00Z", complaint.Str("dueAt"));
        Assert.Equal(JsonValueKind.Null, query.GetProperty("dueAt").ValueKind);
    }

    [Theory, BothDatabases]
    public async Task Inbox_DueSoonAndOverdue_FollowTheClockAndStopAtResolution(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var now = app.Now;
        var late = (await client.PostAsync("/api/v1/tickets", Report("fault", now.AddHours(-30), "Sin señal desde ayer"))).Body.Str("folio");
        var soon = (await client.PostAsync("/api/v1/tickets", Report("fault", now.AddHours(-20), "Intermitencia"))).Body.Str("folio");
        var fresh = (await client.PostAsync("/api/v1/tickets", Report("fault", now.AddHours(-1), "Se fue la luz"))).Body.Str("folio");
        var fixedLate = (await client.PostAsync("/api/v1/tickets", Report("fault", now.AddHours(-40), "Módem apagado"))).Body.Str("folio");
        await client.PostAsync($"/api/v1/tickets/{fixedLate}/status", new { status = "in_progress" });
        await client.PostAsync($"/api/v1/tickets/{fixedLate}/resolution", new { cause = "Eliminador dañado", correction = "Se cambió", upheld = true });

        async Task<string[]> View(InboxView view) => await app.WithDbAsync(async db =>
            (await InboxQuery.PageAsync(db, new InboxFilter(view, "x", null), now, null, 50, CancellationToken.None)).Rows.Select(r => r.Folio).ToArray());

        Assert.Equal([late], await View(InboxView.Overdue));
        Assert.Equal([soon], await View(InboxView.DueSoon));
        Assert.DoesNotContain(fresh, await View(InboxView.DueSoon));
    }
}
