using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Data;
using Ventanilla.IntegrationTests.FollowUp;
using Ventanilla.Staff;
using Ventanilla.Tickets;
using Ventanilla.Web.Idempotency;

namespace Ventanilla.IntegrationTests;

/// <summary>The <c>Idempotency-Key</c> header: a retried POST is answered once and done once.</summary>
public class IdempotencyTests
{
    private const string Subscribers = "/api/v1/subscribers";

    private sealed record Answer(HttpStatusCode Status, string Text, HttpResponseMessage Response)
    {
        public JsonElement Body => JsonDocument.Parse(Text).RootElement.Clone();

        public bool Replayed => Response.Headers.TryGetValues("Idempotency-Replayed", out var v) && v.Single() == "true";
    }

    private static string Subscriber(string account) =>
        JsonSerializer.Serialize(new { accountNumber = account, name = "Ana Peña Ruiz", phones = new[] { "492 111 2233" } });

    private static async Task<Answer> Post(HttpClient client, string url, string json, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation(IdempotencyKeys.Header, key);
        }

        var response = await client.SendAsync(request);
        return new Answer(response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    private static Task<int> CountSubscribers(VentanillaApp app) => app.WithDbAsync(db => db.Subscribers.CountAsync());

    [Theory, BothDatabases]
    public async Task TicketCreation_RetriedWithTheSameKey_ReplaysTheSameFolioAndFilesOneTicket(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var report = JsonSerializer.Serialize(Json.Fault());

        var first = await Post(client, "/api/v1/tickets", report, "alta-ticket-1");
        var retry = await Post(client, "/api/v1/tickets", report, "alta-ticket-1");

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.Created, retry.Status);
        Assert.Equal(first.Body.Str("folio"), retry.Body.Str("folio"));
        Assert.Equal(first.Text, retry.Text);
        Assert.Equal(first.Response.Headers.Location, retry.Response.Headers.Location);
        Assert.Equal(first.Response.Content.Headers.ContentType, retry.Response.Content.Headers.ContentType);
        Assert.False(first.Replayed);
        Assert.True(retry.Replayed);
        Assert.Equal(1, await app.WithDbAsync(db => db.Tickets.CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task Note_RetriedWithTheSameKey_IsWrittenOnce(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var folio = (await client.PostAsync("/api/v1/tickets", Json.Fault())).Body.Str("folio");
        var note = JsonSerializer.Serialize(new { text = "El cliente pide visita por la tarde." });

        var first = await Post(client, $"/api/v1/tickets/{folio}/notes", note, "nota-1");
        var retry = await Post(client, $"/api/v1/tickets/{folio}/notes", note, "nota-1");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal((HttpStatusCode.OK, first.Text, true), (retry.Status, retry.Text, retry.Replayed));
        Assert.Equal(1, await app.WithDbAsync(db => db.TimelineEntries.CountAsync(e => e.Type == TimelineEntryType.Note)));
    }

    [Theory, BothDatabases]
    public async Task Notice_RetriedWithTheSameKey_IsSentOnce(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var folio = (await client.PostAsync("/api/v1/tickets", Json.Fault())).Body.Str("folio");
        var url = $"/api/v1/tickets/{folio}";
        await client.PostAsync($"{url}/status", new { status = "in_progress" });
        await client.PostAsync($"{url}/resolution", new { cause = "Conector dañado", correction = "Se cambió el conector", upheld = true });
        var before = await app.WithDbAsync(db => db.Outbox.CountAsync());

        var first = await Post(client, $"{url}/notice", "{}", "aviso-1");
        var afterFirst = await app.WithDbAsync(db => db.Outbox.CountAsync());
        var retry = await Post(client, $"{url}/notice", "{}", "aviso-1");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("notified", first.Body.Str("status"));
        Assert.Equal((HttpStatusCode.OK, first.Text, true), (retry.Status, retry.Text, retry.Replayed));
        Assert.True(afterFirst > before);
        Assert.Equal(afterFirst, await app.WithDbAsync(db => db.Outbox.CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task VisitBooking_RetriedWithTheSameKey_BooksOneVisit(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var technician = await FollowUpFlow.CreateUserAsync(app, "tecnico@localhost", Roles.Technician);
        var folio = await FollowUpFlow.NewFaultAsync(client);
        var booking = JsonSerializer.Serialize(new { technician, day = FollowUpFlow.VisitDay, window = "morning" });

        var first = await Post(client, $"/api/v1/tickets/{folio}/visits", booking, "visita-1");
        var retry = await Post(client, $"/api/v1/tickets/{folio}/visits", booking, "visita-1");

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal((HttpStatusCode.Created, first.Text, true), (retry.Status, retry.Text, retry.Replayed));
        Assert.Equal(1, await app.WithDbAsync(db => db.Visits.CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task VisitBooking_RefusedForAClash_KeepsTheRefusalAndLeavesTheDayBookable(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var technician = await FollowUpFlow.CreateUserAsync(app, "tecnico@localhost", Roles.Technician);
        var first = await FollowUpFlow.NewFaultAsync(client);
        var second = await FollowUpFlow.NewFaultAsync(client);
        await FollowUpFlow.BookAsync(client, first, technician, "morning");
        var sameMorning = JsonSerializer.Serialize(new { technician, day = FollowUpFlow.VisitDay, window = "morning" });
        var afternoon = JsonSerializer.Serialize(new { technician, day = FollowUpFlow.VisitDay, window = "afternoon" });

        var refused = await Post(client, $"/api/v1/tickets/{second}/visits", sameMorning, "visita-2");
        var refusedAgain = await Post(client, $"/api/v1/tickets/{second}/visits", sameMorning, "visita-2");
        var booked = await Post(client, $"/api/v1/tickets/{second}/visits", afternoon, "visita-3");

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal((HttpStatusCode.Conflict, refused.Text, true), (refusedAgain.Status, refusedAgain.Text, refusedAgain.Replayed));
        Assert.Equal(HttpStatusCode.Created, booked.Status);
        Assert.Equal(2, await app.WithDbAsync(db => db.Visits.CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task Subscriber_RetriedWithTheSameKey_IsCreatedOnceAndAnsweredTheSame(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();

        var first = await Post(client, Subscribers, Subscriber("ZAC-1001"), "suscriptor-1");
        var retry = await Post(client, Subscribers, Subscriber("ZAC-1001"), "suscriptor-1");

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal((HttpStatusCode.Created, first.Text, true), (retry.Status, retry.Text, retry.Replayed));
        Assert.Equal(first.Response.Headers.Location, retry.Response.Headers.Location);
        Assert.Equal(1, await CountSubscribers(app));
    }

    [Theory, BothDatabases]
    public async Task SameKeyWithAnotherBody_Is422InSpanish_AndChangesNothing(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        await Post(client, Subscribers, Subscriber("ZAC-1001"), "suscriptor-1");

        var other = await Post(client, Subscribers, Subscriber("ZAC-2002"), "suscriptor-1");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.Status);
        Assert.Equal("application/problem+json", other.Response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("otra solicitud", other.Body.Str("title"), StringComparison.Ordinal);
        Assert.Equal(1, await CountSubscribers(app));
        Assert.False(await app.WithDbAsync(db => db.Subscribers.AnyAsync(s => s.AccountNumber == "ZAC-2002")));
    }

    [Theory, BothDatabases]
    public async Task TwoCallers_UsingTheSameKeyValue_NeverSeeEachOthersAnswers(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var agent = app.Api(await app.CreateApiKeyAsync(Roles.Agent));
        var report = JsonSerializer.Serialize(Json.Fault());

        var mine = await Post(app.Api(), "/api/v1/tickets", report, "clave-compartida");
        var theirs = await Post(agent, "/api/v1/tickets", report, "clave-compartida");

        Assert.Equal(HttpStatusCode.Created, mine.Status);
        Assert.Equal(HttpStatusCode.Created, theirs.Status);
        Assert.False(theirs.Replayed);
        Assert.NotEqual(mine.Body.Str("folio"), theirs.Body.Str("folio"));
        Assert.Equal(2, await app.WithDbAsync(db => db.Tickets.CountAsync()));
    }

    /// <summary>
    /// A request still running holds its key; the test plays the first run by storing its claim, as a
    /// node in the middle of the request (or one that died in it) leaves it.
    /// </summary>
    [Theory, BothDatabases]
    public async Task SameKeyWhileTheFirstRuns_Is409WithRetryAfter_AndAfterTheLeaseARetryRuns(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database, new Dictionary<string, string?> { ["Messaging:ClaimLease"] = "00:00:20" });
        var client = app.Api();
        var body = Subscriber("ZAC-1001");
        var hash = IdempotencyMiddleware.HashOf("POST", Subscribers, Encoding.UTF8.GetBytes(body));
        var adminHash = ApiKey.HashOf(VentanillaApp.AdminKey);
        await app.WithDbAsync(async db =>
        {
            var caller = "api-key:" + await db.ApiKeys.Where(k => k.Hash == adminHash).Select(k => k.Id).SingleAsync();
            db.IdempotencyKeys.Add(IdempotencyRecord.Start(caller, "suscriptor-1", hash, "otro-nodo", app.Now, TimeSpan.FromSeconds(20), TimeSpan.FromHours(24)));
            return await db.SaveChangesAsync();
        });

        var running = await Post(client, Subscribers, body, "suscriptor-1");
        app.Clock.Advance(TimeSpan.FromSeconds(21));
        var retried = await Post(client, Subscribers, body, "suscriptor-1");

        Assert.Equal(HttpStatusCode.Conflict, running.Status);
        Assert.Contains("en curso", running.Body.Str("title"), StringComparison.Ordinal);
        var retryAfter = running.Response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));
        Assert.Equal(HttpStatusCode.Created, retried.Status);
        Assert.False(retried.Replayed);
        Assert.Equal(1, await CountSubscribers(app));
    }

    [Theory, BothDatabases]
    public async Task ServerError_IsNotStored_SoARetryWithTheSameKeyRuns(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        // A real failure of the database on insert, the way a full disk or a lost connection fails it.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(database == DatabaseKind.Sqlite
            ? "CREATE TRIGGER falla_alta BEFORE INSERT ON subscribers BEGIN SELECT RAISE(ABORT, 'disco lleno'); END;"
            : "CREATE FUNCTION falla_alta() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disco lleno'; END $$; " +
              "CREATE TRIGGER falla_alta BEFORE INSERT ON subscribers FOR EACH ROW EXECUTE FUNCTION falla_alta();"));

        var failed = await Post(client, Subscribers, Subscriber("ZAC-1001"), "suscriptor-1");
        var keptAfterFailure = await app.WithDbAsync(db => db.IdempotencyKeys.CountAsync());
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(database == DatabaseKind.Sqlite
            ? "DROP TRIGGER falla_alta;"
            : "DROP TRIGGER falla_alta ON subscribers;"));
        var retried = await Post(client, Subscribers, Subscriber("ZAC-1001"), "suscriptor-1");

        Assert.Equal(HttpStatusCode.InternalServerError, failed.Status);
        Assert.Equal(0, keptAfterFailure);
        Assert.Equal(HttpStatusCode.Created, retried.Status);
        Assert.False(retried.Replayed);
        Assert.Equal(1, await CountSubscribers(app));
    }

    [Theory, BothDatabases]
    public async Task Key_IsForgottenAfterTheConfiguredLifetime(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database, new Dictionary<string, string?> { ["Api:IdempotencyKeyLifetime"] = "01:00:00" });
        var client = app.Api();
        await Post(client, Subscribers, Subscriber("ZAC-1001"), "suscriptor-1");

        app.Clock.Advance(TimeSpan.FromMinutes(59));
        var stillKept = await Post(client, Subscribers, Subscriber("ZAC-2002"), "suscriptor-1");
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var forgotten = await Post(client, Subscribers, Subscriber("ZAC-2002"), "suscriptor-1");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, stillKept.Status);
        Assert.Equal(HttpStatusCode.Created, forgotten.Status);
        Assert.False(forgotten.Replayed);
        Assert.Equal(2, await CountSubscribers(app));
    }

    [Theory, BothDatabases]
    public async Task Sweep_DeletesKeysPastTheirLifetime_AndKeepsTheOthers(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database, new Dictionary<string, string?> { ["Api:IdempotencyKeyLifetime"] = "01:00:00" });
        var client = app.Api();
        await Post(client, Subscribers, Subscriber("ZAC-1001"), "viejo");
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        await Post(client, Subscribers, Subscriber("ZAC-2002"), "nuevo");
        app.Clock.Advance(TimeSpan.FromMinutes(31));

        var swept = await app.Services.GetRequiredService<IdempotencySweeper>().SweepAsync();

        Assert.Equal(1, swept);
        Assert.Equal(["nuevo"], await app.WithDbAsync(db => db.IdempotencyKeys.Select(r => r.Key).ToListAsync()));
    }

    [Theory, BothDatabases]
    public async Task Key_EmptyOrLongerThan255_Is400AndDoesNothing(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();

        // HttpClient drops a header without a value, so the empty one is set on the request itself.
        var body = Encoding.UTF8.GetBytes(Subscriber("ZAC-1001"));
        var empty = await app.Server.SendAsync(http =>
        {
            http.Request.Method = "POST";
            http.Request.Path = Subscribers;
            http.Request.Headers.Authorization = "Bearer " + VentanillaApp.AdminKey;
            http.Request.Headers[IdempotencyKeys.Header] = "";
            http.Request.ContentType = "application/json";
            http.Request.Body = new MemoryStream(body);
        });
        var tooLong = await Post(client, Subscribers, Subscriber("ZAC-1001"), new string('k', 256));
        var longest = await Post(client, Subscribers, Subscriber("ZAC-1001"), new string('k', 255));

        Assert.Equal(StatusCodes.Status400BadRequest, empty.Response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Contains("Idempotency-Key", tooLong.Body.Str("title"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, longest.Status);
        Assert.Equal(1, await CountSubscribers(app));
    }

    [Fact]
    public async Task OpenApi_DocumentsTheHeaderOnTheCreatingPosts()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite);

        var document = await app.CreateClient().GetJsonAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/tickets", "/api/v1/subscribers", "/api/v1/tickets/{folio}/notes", "/api/v1/tickets/{folio}/notice", "/api/v1/tickets/{folio}/visits" })
        {
            var parameters = paths.GetProperty(path).GetProperty("post").GetProperty("parameters").EnumerateArray();
            Assert.Contains(parameters, p => p.Str("name") == IdempotencyKeys.Header && p.Str("in") == "header");
        }
    }
}
