using System.Net;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests;

public class TicketCreationTests
{
    [Theory, BothDatabases]
    public async Task Create_ValidFault_Returns201WithFolioLocationAndQueuedReceipt(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var year = app.Clock.Today.Year;

        var (status, body, response) = await app.Api().PostAsync("/api/v1/tickets", Json.Fault());

        Assert.Equal(HttpStatusCode.Created, status);
        var folio = body.Str("folio");
        Assert.Equal($"NM-{year}-000001", folio);
        Assert.Equal($"/api/v1/tickets/{folio}", response.Headers.Location?.OriginalString);
        Assert.Equal(("registered", "fault", "phone"), (body.Str("status"), body.Str("kind"), body.Str("channel")));
        Assert.Equal("+524921234567", body.GetProperty("contact").Str("phone"));
        var receipts = await app.WithDbAsync(db => db.Outbox.Where(m => m.TicketId != null).ToListAsync());
        Assert.Equal([ContactChannel.Email, ContactChannel.Whatsapp], receipts.Select(r => r.Channel).Order());
        Assert.All(receipts, r => Assert.Contains(folio, r.Body, StringComparison.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task Create_200AtOnce_GivesDistinctConsecutiveFolios(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();

        var answers = await Task.WhenAll(Enumerable.Range(1, 200).Select(i =>
            client.PostAsync("/api/v1/tickets", Json.Fault($"Reporte número {i}: sin señal."))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Status));
        var sequences = answers.Select(a => int.Parse(a.Body.Str("folio")[^6..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToArray();
        Assert.Equal(Enumerable.Range(1, 200), sequences);
        Assert.Equal(200, await app.WithDbAsync(db => db.Tickets.CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task Create_ReportedJustBeforeLocalNewYear_TakesThatYearsFolio(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var report = Json.Fault();
        // 05:30 UTC on January 1 is still 23:30 on December 31 in Mexico City.
        report["reportedAt"] = "2026-01-01T05:30:00Z";

        var (status, body, _) = await app.Api().PostAsync("/api/v1/tickets", report);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("NM-2025-000001", body.Str("folio"));
        Assert.Equal("2026-01-01T05:30:00Z", body.Str("reportedAt"));
    }

    [Theory, BothDatabases]
    public async Task Get_FolioInLowerCaseWithSpaces_FindsTheTicketWithItsTimeline(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var folio = (await client.PostAsync("/api/v1/tickets", Json.Fault())).Body.Str("folio");

        var response = await client.GetAsync($"/api/v1/tickets/{Uri.EscapeDataString("  " + folio.ToLowerInvariant() + " ")}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.Headers.ETag?.Tag);
        var ticket = await client.GetJsonAsync($"/api/v1/tickets/{folio.ToLowerInvariant()}");
        Assert.Equal(folio, ticket.Str("folio"));
        // After the report itself come routing's decisions, by the system.
        var entry = ticket.GetProperty("timeline").EnumerateArray().First();
        Assert.Equal("created", entry.Str("type"));
        Assert.All(ticket.GetProperty("timeline").EnumerateArray().Skip(1), e => Assert.Equal("Ventanilla", e.Str("actor")));
        Assert.Equal("phone", entry.Str("channel"));
    }

    [Theory, BothDatabases]
    public async Task Get_UnknownFolio_Is404ProblemInSpanish(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);

        var response = await app.Api().GetAsync("/api/v1/tickets/NM-2026-999999");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("No existe el folio", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Restart_KeepsEveryTicketAndContinuesTheSequence(DatabaseKind database)
    {
        var first = await VentanillaApp.StartAsync(database);
        var folios = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            folios.Add((await first.Api().PostAsync("/api/v1/tickets", Json.Fault())).Body.Str("folio"));
        }

        await using var second = await first.RestartAsync();
        await first.DisposeAsync();

        foreach (var folio in folios)
        {
            Assert.Equal(folio, (await second.Api().GetJsonAsync($"/api/v1/tickets/{folio}")).Str("folio"));
        }

        var next = (await second.Api().PostAsync("/api/v1/tickets", Json.Fault())).Body.Str("folio");
        Assert.EndsWith("-000006", next, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Create_KnownSubscriber_IsMatchedByContractThenPhoneThenEmail(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var ana = (await client.PostAsync("/api/v1/subscribers", new
        {
            accountNumber = "ZAC-1001", name = "Ana Peña", phones = new[] { "492 111 2233" }, emails = new[] { "ana@example.mx" },
        })).Body.GetProperty("id").GetInt64();
        var luis = (await client.PostAsync("/api/v1/subscribers", new
        {
            accountNumber = "ZAC-2002", name = "Luis Soto", phones = new[] { "492 999 8877" }, emails = new[] { "luis@example.mx" },
        })).Body.GetProperty("id").GetInt64();

        async Task<long?> MatchOf(object subscriber)
        {
            var body = (await client.PostAsync("/api/v1/tickets", Json.Fault(subscriber: subscriber))).Body;
            return body.GetProperty("subscriber").ValueKind == System.Text.Json.JsonValueKind.Null
                ? null : body.GetProperty("subscriber").GetProperty("id").GetInt64();
        }

        Assert.Equal(ana, await MatchOf(new { accountNumber = "zac-1001", phone = "492 999 8877" }));
        Assert.Equal(luis, await MatchOf(new { name = "Luis", phone = "+52 492 999 8877", email = "ana@example.mx" }));
        Assert.Equal(ana, await MatchOf(new { name = "Ana", email = "ANA@example.mx" }));
        Assert.Null(await MatchOf(new { name = "Nadie", phone = "492 000 0000" }));
    }

    [Theory, BothDatabases]
    public async Task Create_ByContractNumberAlone_IsEnoughWhenTheSubscriberIsReachable(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        await client.PostAsync("/api/v1/subscribers", new { accountNumber = "ZAC-1001", name = "Ana Peña", phones = new[] { "492 111 2233" } });

        var (status, body, _) = await client.PostAsync("/api/v1/tickets", Json.Fault(subscriber: new { accountNumber = "ZAC-1001" }));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("Ana Peña", body.GetProperty("subscriber").Str("name"));
    }
}
