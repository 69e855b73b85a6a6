using System.Net;
using System.Text;
using Ventanilla.Data;

namespace Ventanilla.IntegrationTests;

/// <summary>Whatever a client sends, the answer is never a server error.</summary>
public class OddInputTests
{
    private static readonly (string Method, string Url, string? Body)[] Requests =
    [
        ("GET", "/api/v1/tickets?page=2147483647", null),
        ("GET", "/api/v1/tickets?page=abc", null),
        ("GET", "/api/v1/tickets?pageSize=-1", null),
        ("GET", "/api/v1/tickets?q=" + Uri.EscapeDataString(new string('x', 5000)), null),
        ("GET", "/api/v1/tickets?q=" + Uri.EscapeDataString("!!! ''' ::: & | <-> ()"), null),
        ("GET", "/api/v1/tickets/%20%20", null),
        ("GET", "/api/v1/tickets/NM-9999-999999999", null),
        ("GET", "/api/v1/subscribers/99999999999999", null),
        ("GET", "/api/v1/subscribers?page=2147483647", null),
        ("POST", "/api/v1/tickets", "null"),
        ("POST", "/api/v1/tickets", ""),
        ("POST", "/api/v1/tickets", "[]"),
        ("POST", "/api/v1/tickets", "{\"kind\":\"fault\",\"channel\":\"web\",\"description\":\"x\",\"reportedAt\":\"0001-01-01T00:00:00Z\",\"subscriber\":{\"name\":\"A\",\"email\":\"a@b.mx\"}}"),
        ("POST", "/api/v1/tickets", "{\"kind\":\"fault\",\"channel\":\"web\",\"description\":\"x\",\"reportedAt\":\"mañana\",\"subscriber\":{\"name\":\"A\",\"email\":\"a@b.mx\"}}"),
        ("POST", "/api/v1/tickets", "{\"kind\":\"fault\",\"channel\":\"web\",\"description\":\"x\",\"priority\":\"urgentísima\",\"subscriber\":{\"name\":\"A\",\"phone\":\"" + new string('9', 5000) + "\"}}"),
        ("POST", "/api/v1/tickets/NM-2026-000001/status", "{\"status\":null}"),
        ("POST", "/api/v1/tickets/NM-2026-000001/resolution", "{\"cause\":\"x\",\"correction\":\"y\",\"upheld\":\"quizá\"}"),
        ("POST", "/api/v1/tickets/NM-2026-000001/assignment", "{}"),
        ("POST", "/api/v1/tickets/NM-2026-000001/subscriber", "{\"subscriberId\":-5}"),
        ("POST", "/api/v1/subscribers", "{\"name\":\"A\",\"monthlyPrice\":1e40}"),
        ("POST", "/api/v1/subscribers", "{\"name\":\"A\",\"phones\":[null, 5]}"),
        ("POST", "/api/v1/subscribers", "{\"name\":\"A\",\"addresses\":[{}],\"whatsApp\":[{}]}"),
        ("PUT", "/api/v1/subscribers/1", "{\"name\":\"\"}"),
    ];

    [Theory, BothDatabases]
    public async Task OddRequests_NeverGetAServerError(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        await client.PostAsync("/api/v1/tickets", Json.Fault());

        foreach (var (method, url, body) in Requests)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), url);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            }

            var response = await client.SendAsync(request);

            Assert.True((int)response.StatusCode < 500, $"{method} {url} {body?[..Math.Min(body.Length, 80)]} answered {(int)response.StatusCode}");
            if (!response.IsSuccessStatusCode)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    [Theory, BothDatabases]
    public async Task Create_TextWithControlCharacters_IsStoredWithoutThem(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();

        var (status, body, _) = await client.PostAsync("/api/v1/tickets", Json.Fault("Sin\u0000 señal\u0007\ndesde ayer"));

        Assert.Equal(HttpStatusCode.Created, status);
        var stored = await client.GetJsonAsync($"/api/v1/tickets/{body.Str("folio")}");
        Assert.Equal("Sin señal\ndesde ayer", stored.Str("description"));
    }

    [Theory, BothDatabases]
    public async Task Create_ReportedAtWithoutOffset_IsTakenAsUtc(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var report = Json.Fault();
        report["reportedAt"] = "2026-03-10T18:00:00";

        var (status, body, _) = await app.Api().PostAsync("/api/v1/tickets", report);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("2026-03-10T18:00:00Z", body.Str("reportedAt"));
    }
}
