using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ventanilla.Data;
using Xunit.Abstractions;

namespace Ventanilla.IntegrationTests.Hostile;

/// <summary>
/// Generated hostile requests to every API operation the OpenAPI document serves: never a 5xx,
/// every refusal a Spanish problem+json, and whatever was accepted, and all that came before, still there.
/// </summary>
public class ApiHostileTests(ITestOutputHelper output)
{
    [Theory, BothDatabases]
    public async Task EveryEndpoint_HostileRequests_NeverAServerErrorAndNothingAcceptedLost(DatabaseKind database)
    {
        // The volume runs on SQLite; PostgreSQL gets a sample, enough for its own failures (NUL, encodings).
        var cases = database == DatabaseKind.Sqlite ? 1500 : 200;
        var input = new HostileInput(HostileInput.DefaultSeed);
        output.WriteLine($"Semilla {input.Seed}, {cases} casos en {database}.");
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var (_, created, _) = await client.PostAsync("/api/v1/tickets", Json.Fault());
        var folio = created.Str("folio");
        var subscriber = await client.PostAsync("/api/v1/subscribers", new { name = "Ana Ruiz", phones = new[] { "492 478 1000" } });
        var known = new Dictionary<string, string> { ["folio"] = folio, ["id"] = subscriber.Body.GetProperty("id").GetRawText() };
        var document = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!.AsObject();
        var walk = new OpenApiWalk(document, input, known);
        Assert.NotEmpty(walk.Operations);
        var accepted = new List<string>();

        for (var i = 0; i < cases; i++)
        {
            var operation = walk.Operations[i % walk.Operations.Count];
            using var request = walk.Request(operation);
            // As bytes: the declared charset may be one nobody decodes, which is the point.
            var sent = request.Content is null ? "" : System.Text.Encoding.UTF8.GetString(await request.Content.ReadAsByteArrayAsync());
            var what = $"[semilla {input.Seed}, caso {i}] {request.Method} {request.RequestUri} {HostileRules.Cut(sent)}";
            using var response = await client.SendAsync(request);

            await HostileRules.ApiAnswerAsync(response, what);
            if (response.StatusCode == HttpStatusCode.Created && response.Headers.Location is { } location)
            {
                accepted.Add(location.ToString());
                await DescriptionKeptAsync(client, location.ToString(), sent, what);
            }
        }

        // Nothing accepted is lost: each created resource, and the ones made before the walk, still read back.
        foreach (var url in accepted.Append($"/api/v1/tickets/{folio}").Append($"/api/v1/subscribers/{known["id"]}"))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        }
    }

    // A created ticket keeps the description as sent, minus only what is not text.
    private static async Task DescriptionKeptAsync(HttpClient client, string location, string sent, string what)
    {
        if (location.Split('/', StringSplitOptions.RemoveEmptyEntries) is not ["api", "v1", "tickets", _]
            || JsonNode.Parse(sent) is not JsonObject body || body["description"] is not JsonValue description
            || description.GetValueKind() != JsonValueKind.String)
        {
            return;
        }

        var stored = await client.GetJsonAsync(location);
        Assert.True(Web.Text.Clean(Web.Text.Readable((string)description!)) == stored.Str("description"), $"{what}: the description changed");
    }
}
