using System.Net;
using Ventanilla.Data;

namespace Ventanilla.IntegrationTests;

public class ApiDocumentTests
{
    [Fact]
    public async Task OpenApi_DescribesEveryTicketAndSubscriberRoute()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite);

        var document = await app.CreateClient().GetJsonAsync("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Contains("/api/v1/tickets", paths);
        Assert.Contains("/api/v1/tickets/{folio}", paths);
        Assert.Contains("/api/v1/tickets/{folio}/status", paths);
        Assert.Contains("/api/v1/tickets/{folio}/resolution", paths);
        Assert.Contains("/api/v1/tickets/{folio}/assignment", paths);
        Assert.Contains("/api/v1/tickets/{folio}/notes", paths);
        Assert.Contains("/api/v1/subscribers/{id}", paths);
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("bearer", out _));
    }

    [Fact]
    public async Task ReferencePage_IsServedWithoutAKey()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite);

        var response = await app.CreateClient().GetAsync("/api");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
