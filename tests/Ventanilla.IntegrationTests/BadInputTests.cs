using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;

namespace Ventanilla.IntegrationTests;

/// <summary>Every bad report gets a 400 naming the field, in Spanish, and writes nothing.</summary>
public class BadInputTests
{
    public static TheoryData<string, DatabaseKind> Cases()
    {
        var data = new TheoryData<string, DatabaseKind>();
        foreach (var name in BadReports.Keys)
        {
            data.Add(name, DatabaseKind.Sqlite);
            data.Add(name, DatabaseKind.Postgres);
        }

        return data;
    }

    private static readonly Dictionary<string, (Action<Dictionary<string, object?>> Spoil, string Field)> BadReports = new()
    {
        ["unknown kind"] = (r => r["kind"] = "felicitacion", "kind"),
        ["unknown channel"] = (r => r["channel"] = "fax", "channel"),
        ["missing description"] = (r => r.Remove("description"), "description"),
        ["blank description"] = (r => r["description"] = "   ", "description"),
        ["description over 20,000 characters"] = (r => r["description"] = new string('a', 20_001), "description"),
        ["no way to reach the subscriber"] = (r => r["subscriber"] = new { name = "Juan Pérez" }, "subscriber"),
        ["no subscriber at all"] = (r => r.Remove("subscriber"), "subscriber"),
        ["invalid phone"] = (r => r["subscriber"] = new { name = "Juan", phone = "12-34" }, "subscriber.phone"),
        ["invalid email"] = (r => r["subscriber"] = new { name = "Juan", email = "juan(at)example" }, "subscriber.email"),
        ["report in the future"] = (r => r["reportedAt"] = TestClock.Start.UtcDateTime.AddDays(2), "reportedAt"),
        ["kind of the wrong type"] = (r => r["kind"] = 5, "$"),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Create_BadReport_Is400ForTheFieldAndWritesNothing(string name, DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var (spoil, field) = BadReports[name];
        var report = Json.Fault();
        spoil(report);

        var (status, body, response) = await app.Api().PostAsync("/api/v1/tickets", report);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field == "$")
        {
            Assert.Contains("JSON", body.Str("detail"), StringComparison.Ordinal);
        }
        else
        {
            var messages = body.GetProperty("errors").GetProperty(field);
            Assert.NotEqual(0, messages.GetArrayLength());
            Assert.Equal("Revisa los datos enviados.", body.Str("title"));
        }

        await AssertNothingWrittenAsync(app);
    }

    [Theory, BothDatabases]
    public async Task Create_MalformedJson_Is400ProblemAndWritesNothing(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        using var content = new StringContent("{\"kind\": \"fault\", \"description\": ", Encoding.UTF8, "application/json");

        var response = await app.Api().PostAsync("/api/v1/tickets", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("La solicitud no es válida.", body.Str("title"));
        Assert.Contains("JSON válido", body.Str("detail"), StringComparison.Ordinal);
        await AssertNothingWrittenAsync(app);
    }

    [Theory, BothDatabases]
    public async Task Create_AfterRefusals_StillStartsAtTheFirstFolio(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var bad = Json.Fault();
        bad["channel"] = "fax";
        await client.PostAsync("/api/v1/tickets", bad);

        var (status, body, _) = await client.PostAsync("/api/v1/tickets", Json.Fault());

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.EndsWith("-000001", body.Str("folio"), StringComparison.Ordinal);
    }

    private static async Task AssertNothingWrittenAsync(VentanillaApp app)
    {
        Assert.Equal(0, await app.WithDbAsync(db => db.Tickets.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Outbox.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.FolioCounters.CountAsync()));
    }
}
