using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Data;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests;

public class ConcurrencyTests
{
    [Theory, BothDatabases]
    public async Task ChangeStatus_WithAStaleIfMatch_Is409AndChangesNothing(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var folio = (await client.PostAsync("/api/v1/tickets", Json.Fault())).Body.Str("folio");
        var read = await client.GetAsync($"/api/v1/tickets/{folio}");
        var etag = read.Headers.ETag!.Tag;

        var first = await client.PostAsync($"/api/v1/tickets/{folio}/status", new { status = "in_progress" }, ifMatch: etag);
        var stale = await client.PostAsync($"/api/v1/tickets/{folio}/status", new { status = "cancelled", reason = "spam" }, ifMatch: etag);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Contains("Alguien más modificó", stale.Body.Str("title"), StringComparison.Ordinal);
        Assert.Equal("in_progress", (await client.GetJsonAsync($"/api/v1/tickets/{folio}")).Str("status"));
    }

    [Theory, BothDatabases]
    public async Task ChangeStatus_TwoPeopleAtOnceFromTheSameVersion_OneWinsOneGets409(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var folio = (await client.PostAsync("/api/v1/tickets", Json.Fault())).Body.Str("folio");
        var etag = (await client.GetAsync($"/api/v1/tickets/{folio}")).Headers.ETag!.Tag;

        var answers = await Task.WhenAll(
            client.PostAsync($"/api/v1/tickets/{folio}/status", new { status = "in_progress" }, ifMatch: etag),
            client.PostAsync($"/api/v1/tickets/{folio}/status", new { status = "cancelled", reason = "spam" }, ifMatch: etag));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.Status).Order());
    }

    [Theory, BothDatabases]
    public async Task Save_OfATicketChangedMeanwhile_ThrowsInsteadOfOverwriting(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var folio = (await app.Api().PostAsync("/api/v1/tickets", Json.Fault())).Body.Str("folio");
        await using var scopeA = app.Services.CreateAsyncScope();
        await using var scopeB = app.Services.CreateAsyncScope();
        var a = scopeA.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        var b = scopeB.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        var ticketA = await a.Tickets.SingleAsync(t => t.Folio == folio);
        var ticketB = await b.Tickets.SingleAsync(t => t.Folio == folio);
        var actor = new Actor("t", "Prueba");

        ticketA.ChangeStatus(new StatusChange(TicketStatus.InProgress), actor, app.Now);
        ticketB.ChangeStatus(new StatusChange(TicketStatus.Cancelled, "spam"), actor, app.Now);
        await a.SaveChangesAsync();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => b.SaveChangesAsync());
    }

    [Theory, BothDatabases]
    public async Task AddNote_FromTwoPeopleAtOnce_KeepsBothNotes(DatabaseKind database)
    {
        // It counts the timeline's entries: at an hour the area is open, so no closed-area note joins them.
        await using var app = await VentanillaApp.StartAsync(database, now: TestClock.DefaultStart);
        var client = app.Api();
        var folio = (await client.PostAsync("/api/v1/tickets", Json.Fault())).Body.Str("folio");

        var answers = await Task.WhenAll(Enumerable.Range(1, 5).Select(i =>
            client.PostAsync($"/api/v1/tickets/{folio}/notes", new { text = $"Nota {i}" })));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        var notes = (await client.GetJsonAsync($"/api/v1/tickets/{folio}")).GetProperty("timeline").EnumerateArray().Count(e => e.Str("type") == "note");
        Assert.Equal(5, notes);
    }
}
