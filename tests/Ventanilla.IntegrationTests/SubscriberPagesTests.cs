using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Data;
using Ventanilla.Staff;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests;

public class SubscriberPagesTests
{
    private static async Task<long> CreateSubscriberAsync(VentanillaApp app, object subscriber) =>
        (await app.Api().PostAsync("/api/v1/subscribers", subscriber)).Body.GetProperty("id").GetInt64();

    private static async Task<string> ReportAsync(VentanillaApp app, string account)
    {
        var (status, body, _) = await app.Api().PostAsync("/api/v1/tickets",
            Json.Fault(subscriber: new { accountNumber = account, name = "Ana" }));
        Assert.Equal(HttpStatusCode.Created, status);
        return body.Str("folio");
    }

    private static Task<long> Ana(VentanillaApp app, string? account = null) => CreateSubscriberAsync(app, new
    {
        accountNumber = account,
        name = "Ana Peña Ruiz",
        phones = new[] { "492 111 2233" },
        emails = new[] { "ana@example.mx" },
    });

    private static Task<long> AnaDuplicate(VentanillaApp app, string account) => CreateSubscriberAsync(app, new
    {
        accountNumber = account,
        name = "Ana Pena",
        phones = new[] { "492 999 8877", "492 111 2233" },
        emails = new[] { "ana.pena@example.mx" },
        whatsApp = new[] { new { waId = "5214929998877" } },
        addresses = new[] { new { street = "Calle Real 5", municipality = "Zacatecas" } },
    });

    private static async Task<HttpResponseMessage> MergeAsync(ConsoleClient console, long keep, string other)
    {
        var found = await console.PostFormAsync($"/suscriptores/{keep}", "fusionar", new() { ["Merge.Other"] = other });
        Assert.Equal(HttpStatusCode.Found, found.StatusCode);
        return await console.PostFormAsync(ConsoleClient.Location(found)!, "confirmar-fusion", []);
    }

    [Theory, BothDatabases]
    public async Task Merge_Duplicate_MovesTicketsContactsAndContractAndMarksItMerged(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var keep = await Ana(app);
        var other = await AnaDuplicate(app, "ZAC-2002");
        var folio = await ReportAsync(app, "ZAC-2002");
        using var console = await ConsoleClient.SignInAsync(app);

        var merged = await MergeAsync(console, keep, "zac-2002");

        Assert.Equal(HttpStatusCode.Found, merged.StatusCode);
        Assert.Equal($"/suscriptores/{keep}?aviso=fusionado", ConsoleClient.Location(merged));
        await app.WithDbAsync(async db =>
        {
            var kept = await db.Subscribers.AsNoTracking().SingleAsync(s => s.Id == keep);
            var gone = await db.Subscribers.AsNoTracking().SingleAsync(s => s.Id == other);
            var ticket = await db.Tickets.AsNoTracking().Include(t => t.Timeline).SingleAsync(t => t.Folio == folio);
            Assert.Equal(["+524921112233", "+524929998877"], kept.Phones.Select(p => p.Number).Order());
            Assert.Equal(["ana.pena@example.mx", "ana@example.mx"], kept.Emails.Select(e => e.Address).Order());
            Assert.Equal("5214929998877", Assert.Single(kept.WhatsAppIdentities).WaId);
            Assert.Equal("Calle Real 5", Assert.Single(kept.Addresses).Street);
            Assert.Equal("ZAC-2002", kept.AccountNumber);
            Assert.Equal(keep, gone.MergedIntoId);
            Assert.NotNull(gone.MergedAt);
            Assert.Null(gone.AccountNumber);
            Assert.Empty(gone.Phones);
            Assert.Equal(keep, ticket.SubscriberId);
            Assert.Contains(ticket.Timeline, e => e.Type == TimelineEntryType.SubscriberLinked && e.To == keep.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return 0;
        });
        Assert.Contains(folio, await console.GetPageAsync($"/suscriptores/{keep}"), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Open_MergedRecord_RedirectsToTheOneThatStayed(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var keep = await Ana(app, "ZAC-1001");
        var other = await AnaDuplicate(app, "ZAC-2002");
        using var console = await ConsoleClient.SignInAsync(app);
        await MergeAsync(console, keep, other.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var opened = await console.Http.GetAsync($"/suscriptores/{other}");
        var search = await console.GetPageAsync("/suscriptores?q=pena");

        Assert.Equal(HttpStatusCode.Found, opened.StatusCode);
        Assert.Equal($"/suscriptores/{keep}", ConsoleClient.Location(opened));
        Assert.Contains($"href=\"/suscriptores/{keep}\"", search, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/suscriptores/{other}\"", search, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Report_WithContractOfMergedRecord_LinksTheRecordThatStayed(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var keep = await Ana(app, "ZAC-1001");
        await AnaDuplicate(app, "ZAC-2002");
        using var console = await ConsoleClient.SignInAsync(app);
        await MergeAsync(console, keep, "ZAC-2002");

        var folio = await ReportAsync(app, "ZAC-2002");

        var linked = await app.WithDbAsync(db => db.Tickets.Where(t => t.Folio == folio).Select(t => t.SubscriberId).SingleAsync());
        Assert.Equal(keep, linked);
    }

    [Theory, BothDatabases]
    public async Task Merge_WithItselfOrAMergedRecord_IsRefused(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var keep = await Ana(app, "ZAC-1001");
        var other = await AnaDuplicate(app, "ZAC-2002");
        var third = await CreateSubscriberAsync(app, new { name = "Tercero" });
        using var console = await ConsoleClient.SignInAsync(app);
        await MergeAsync(console, keep, "ZAC-2002");

        var itself = await console.PostFormForPageAsync($"/suscriptores/{keep}", "fusionar", new() { ["Merge.Other"] = "ZAC-1001" });
        var merged = await console.PostFormForPageAsync($"/suscriptores/{third}", "fusionar", new() { ["Merge.Other"] = $"{other}" });
        var forced = await console.Http.GetAsync($"/suscriptores/{third}/fusionar/{other}");

        Assert.Contains("Ese es este mismo registro.", itself, StringComparison.Ordinal);
        Assert.Contains("ya fue fusionado", merged, StringComparison.Ordinal);
        Assert.DoesNotContain("confirmar-fusion", await forced.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_UnknownSubscriber_SaysSoInThePage()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite);
        using var console = await ConsoleClient.SignInAsync(app);

        var html = await console.GetPageAsync("/suscriptores/999");

        Assert.Contains("No existe el suscriptor 999.", html, StringComparison.Ordinal);
        Assert.Contains("<h1", html, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Edit_WithStaleVersion_ChangesNothing(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var id = await Ana(app, "ZAC-1001");
        using var console = await ConsoleClient.SignInAsync(app);
        var seen = await app.WithDbAsync(db => db.Subscribers.Where(s => s.Id == id).Select(s => s.Version).SingleAsync());
        await app.Api().SendAsync(HttpMethod.Put, $"/api/v1/subscribers/{id}", new { accountNumber = "ZAC-1001", name = "Ana Peña de Luna" });

        var html = await console.PostFormForPageAsync($"/suscriptores/{id}", "editar-suscriptor", new()
        {
            ["Input.Version"] = seen.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Name"] = "Nombre viejo",
            ["Input.AccountNumber"] = "ZAC-1001",
        });

        Assert.Contains("Alguien más cambió este registro", html, StringComparison.Ordinal);
        Assert.Equal("Ana Peña de Luna", await app.WithDbAsync(db => db.Subscribers.Where(s => s.Id == id).Select(s => s.FullName).SingleAsync()));
    }

    [Theory, BothDatabases]
    public async Task Edit_BadPhoneThenValid_ShowsFieldErrorThenSaves(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var id = await Ana(app, "ZAC-1001");
        using var console = await ConsoleClient.SignInAsync(app);
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "Ana Peña Ruiz",
            ["Input.AccountNumber"] = "zac-1001",
            ["Input.Phones"] = "492 111 2233\nno es teléfono",
            ["Input.Emails"] = "ana@example.mx",
            ["Input.PlanName"] = "Hogar 100",
            ["Input.MonthlyPrice"] = "1,299.50",
        };

        var refused = await console.PostFormForPageAsync($"/suscriptores/{id}", "editar-suscriptor", fields);
        fields["Input.Phones"] = "492 111 2233\n492 555 0101";
        var saved = await console.PostFormAsync($"/suscriptores/{id}", "editar-suscriptor", fields);

        Assert.Contains("no es un teléfono válido", refused, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", refused, StringComparison.Ordinal);
        Assert.Equal($"/suscriptores/{id}?aviso=guardado", ConsoleClient.Location(saved));
        var page = await console.GetPageAsync($"/suscriptores/{id}?aviso=guardado");
        Assert.Contains("$1,299.50 MXN", page, StringComparison.Ordinal);
        Assert.Contains("492 555 0101", page, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Edit_ByTechnician_IsRefusedAndChangesNothing(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var id = await Ana(app, "ZAC-1001");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var technician = new StaffUser { UserName = "tec@localhost", Email = "tec@localhost", DisplayName = "Técnica" };
            Assert.True((await users.CreateAsync(technician, "Tecnico-Password-1")).Succeeded);
            await users.AddToRoleAsync(technician, Roles.Technician);
        }

        using var console = await ConsoleClient.SignInAsync(app, "tec@localhost", "Tecnico-Password-1");
        var page = await console.GetPageAsync($"/suscriptores/{id}");
        var forged = await console.Http.PostAsync($"/suscriptores/{id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "editar-suscriptor",
            ["Input.Name"] = "Cambiado",
        }));

        Assert.Contains("Ana Peña Ruiz", page, StringComparison.Ordinal);
        Assert.DoesNotContain("editar-suscriptor", page, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Found, forged.StatusCode);
        Assert.Equal("Ana Peña Ruiz", await app.WithDbAsync(db => db.Subscribers.Where(s => s.Id == id).Select(s => s.FullName).SingleAsync()));
    }
}
