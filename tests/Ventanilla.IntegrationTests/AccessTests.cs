using System.Net;
using Ventanilla.Data;
using Ventanilla.Staff;

namespace Ventanilla.IntegrationTests;

public class AccessTests
{
    [Theory, BothDatabases]
    public async Task Api_WithoutKey_Is401Problem(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);

        var response = await app.CreateClient().GetAsync("/api/v1/tickets");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("clave de API", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Api_WithUnknownKey_Is401(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);

        var response = await app.Api("vnt_not_a_real_key").GetAsync("/api/v1/tickets");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Api_KeyWhoseRoleLacksTheRight_Is403Problem(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var folio = (await app.Api().PostAsync("/api/v1/tickets", Json.Fault())).Body.Str("folio");
        var technician = app.Api(await app.CreateApiKeyAsync(Roles.Technician));

        var assign = await technician.PostAsync($"/api/v1/tickets/{folio}/assignment", new { area = "tecnica" });
        var editSubscriber = await technician.PostAsync("/api/v1/subscribers", new { name = "X" });
        var read = await technician.GetAsync($"/api/v1/tickets/{folio}");

        Assert.Equal(HttpStatusCode.Forbidden, assign.Status);
        Assert.Equal("application/problem+json", assign.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, editSubscriber.Status);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Resolution_ByAnAgentKey_Is403(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var folio = (await app.Api().PostAsync("/api/v1/tickets", Json.Fault())).Body.Str("folio");
        var agent = app.Api(await app.CreateApiKeyAsync(Roles.Agent));

        var (status, _, _) = await agent.PostAsync($"/api/v1/tickets/{folio}/resolution", new { cause = "x", correction = "y", upheld = true });

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Theory, BothDatabases]
    public async Task Health_AnswersWithoutAKey(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);

        var response = await app.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory, BothDatabases]
    public async Task Keys_AreStoredOnlyAsHashes(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);

        var stored = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.ApiKeys));

        Assert.NotEqual(VentanillaApp.AdminKey, stored.Hash);
        Assert.Equal(ApiKey.HashOf(VentanillaApp.AdminKey), stored.Hash);
        Assert.Equal(Roles.Admin, stored.Role);
    }
}
