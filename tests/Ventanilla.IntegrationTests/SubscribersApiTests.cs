using System.Net;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;

namespace Ventanilla.IntegrationTests;

public class SubscribersApiTests
{
    private static object Ana(string account = "ZAC-1001") => new
    {
        accountNumber = account,
        name = "Ana Peña Ruiz",
        phones = new[] { "492 111 2233", "+52 1 492 111 4455" },
        emails = new[] { "Ana@Example.mx" },
        whatsApp = new[] { new { waId = "5214921112233", userId = "MX.123456" } },
        addresses = new[] { new { street = "Calle Real 5", neighborhood = "Centro", municipality = "Zacatecas", state = "Zacatecas", postalCode = "98000" } },
        planName = "Hogar 50",
        monthlyPrice = 399.00m,
        accessibilityNeeds = "Prefiere mensajes escritos",
        consent = new { privacyNotice = true, marketing = false },
    };

    [Theory, BothDatabases]
    public async Task Create_ThenRead_NormalizesContactsAndKeepsWhatsAppApart(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();

        var (status, created, response) = await client.PostAsync("/api/v1/subscribers", Ana());
        var read = await client.GetJsonAsync(response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(created.GetProperty("id").GetInt64(), read.GetProperty("id").GetInt64());
        Assert.Equal(["+524921112233", "+524921114455"], read.GetProperty("phones").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("ana@example.mx", read.GetProperty("emails")[0].GetString());
        Assert.Equal("5214921112233", read.GetProperty("whatsApp")[0].Str("waId"));
        Assert.Equal("98000", read.GetProperty("addresses")[0].Str("postalCode"));
        Assert.Equal(399.00m, read.GetProperty("monthlyPrice").GetDecimal());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, read.GetProperty("privacyNoticeAcceptedAt").ValueKind);
    }

    [Theory, BothDatabases]
    public async Task Create_SecondWithSameContract_Is409(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        await client.PostAsync("/api/v1/subscribers", Ana());

        var (status, body, _) = await client.PostAsync("/api/v1/subscribers", Ana("zac-1001"));

        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("ZAC-1001", body.Str("title"), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Create_BadPhoneOrMissingName_Is400PerField(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);

        var (status, body, _) = await app.Api().PostAsync("/api/v1/subscribers", new { phones = new[] { "492 111 2233", "abc" }, emails = new[] { "x@" } });

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var errors = body.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("phones[1]", out _));
        Assert.True(errors.TryGetProperty("emails[0]", out _));
    }

    [Theory, BothDatabases]
    public async Task Update_WithStaleVersion_Is409_AndWithCurrentVersionSaves(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var id = (await client.PostAsync("/api/v1/subscribers", Ana())).Body.GetProperty("id").GetInt64();
        var etag = (await client.GetAsync($"/api/v1/subscribers/{id}")).Headers.ETag!.Tag;

        var first = await client.SendAsync(HttpMethod.Put, $"/api/v1/subscribers/{id}", new { accountNumber = "ZAC-1001", name = "Ana Peña" }, etag);
        var stale = await client.SendAsync(HttpMethod.Put, $"/api/v1/subscribers/{id}", new { accountNumber = "ZAC-1001", name = "Otra" }, etag);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.Equal("Ana Peña", (await client.GetJsonAsync($"/api/v1/subscribers/{id}")).Str("name"));
    }

    [Theory, BothDatabases]
    public async Task Search_ByContractPhoneEmailOrNameWithoutAccents(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        await client.PostAsync("/api/v1/subscribers", Ana());
        await client.PostAsync("/api/v1/subscribers", new { accountNumber = "ZAC-2002", name = "Luis Soto", phones = new[] { "492 999 8877" } });

        async Task<string[]> Find(string q) => (await client.GetJsonAsync($"/api/v1/subscribers?q={Uri.EscapeDataString(q)}"))
            .GetProperty("items").EnumerateArray().Select(s => s.Str("name")).ToArray();

        Assert.Equal(["Ana Peña Ruiz"], await Find("zac-1001"));
        Assert.Equal(["Ana Peña Ruiz"], await Find("4921114455"));
        Assert.Equal(["Ana Peña Ruiz"], await Find("ANA@example.mx"));
        Assert.Equal(["Ana Peña Ruiz"], await Find("pena"));
        Assert.Equal(["Luis Soto"], await Find("492 999 8877"));
        Assert.Equal(2, (await Find("")).Length);
    }

    [Theory, BothDatabases]
    public async Task Search_LeavesOutRecordsMergedIntoAnother(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var survivor = (await client.PostAsync("/api/v1/subscribers", new { name = "Ana Peña", phones = new[] { "492 111 2233" } })).Body.GetProperty("id").GetInt64();
        var duplicate = (await client.PostAsync("/api/v1/subscribers", new { name = "Ana Peña Ruiz" })).Body.GetProperty("id").GetInt64();
        await app.WithDbAsync(async db =>
        {
            var kept = await db.Subscribers.SingleAsync(s => s.Id == survivor);
            kept.MergeFrom(await db.Subscribers.SingleAsync(s => s.Id == duplicate), app.Now);
            return await db.SaveChangesAsync();
        });

        var found = (await client.GetJsonAsync("/api/v1/subscribers?q=pena")).GetProperty("items").EnumerateArray().Select(s => s.GetProperty("id").GetInt64());

        Assert.Equal([survivor], found);
    }

    [Theory, BothDatabases]
    public async Task Get_UnknownSubscriber_Is404(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);

        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().GetAsync("/api/v1/subscribers/424242")).StatusCode);
    }
}
