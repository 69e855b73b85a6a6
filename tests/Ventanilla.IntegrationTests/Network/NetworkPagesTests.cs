using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Data;
using Ventanilla.Network.Import;
using Ventanilla.Staff;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests.Network;

public class NetworkPagesTests
{
    private const string Tree = """
        codigo,nombre,tipo,padre
        TORRE-1,Torre Centro,torre,
        AP-1,Sector 1,sector,TORRE-1
        CPE-1,Divisor 1,divisor,AP-1
        TORRE-2,Torre Sur,torre,
        """;

    private static async Task<ConsoleClient> SignInAsAsync(VentanillaApp app, string role)
    {
        var email = role + "@localhost";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = new StaffUser { UserName = email, Email = email, DisplayName = "Persona " + role };
            Assert.True((await users.CreateAsync(user, "Buena-Clave-2026")).Succeeded);
            await users.AddToRoleAsync(user, role);
        }

        return await ConsoleClient.SignInAsync(app, email, "Buena-Clave-2026");
    }

    [Theory, BothDatabases]
    public async Task The_network_pages_open_for_a_supervisor_and_send_an_agent_away(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var run = await app.ImportAsync("nodes_csv", "nodos.csv", Tree);
        using var supervisor = await SignInAsAsync(app, Roles.Supervisor);
        using var agent = await SignInAsAsync(app, Roles.Agent);
        string[] pages = ["/admin/red", "/admin/red/importar", "/admin/red/nodos/nuevo", "/admin/red/nodos/1", $"/admin/red/importaciones/{run.GetProperty("id")}"];

        foreach (var page in pages)
        {
            Assert.Equal(HttpStatusCode.OK, (await supervisor.Http.GetAsync(page)).StatusCode);
            var refused = await agent.Http.GetAsync(page);
            Assert.Equal(HttpStatusCode.Found, refused.StatusCode);
            Assert.StartsWith("/sin-permiso", ConsoleClient.Location(refused), StringComparison.Ordinal);
        }

        var tree = await supervisor.GetPageAsync("/admin/red");
        Assert.Contains("Torre Centro", tree, StringComparison.Ordinal);
        Assert.Contains("Divisor 1", tree, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Moving_a_node_carries_what_hangs_from_it_and_a_move_under_its_own_branch_is_refused(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        await app.ImportAsync("nodes_csv", "nodos.csv", Tree);
        var ids = await app.WithDbAsync(db => db.NetworkNodes.ToDictionaryAsync(n => n.Code, n => n.Id));
        using var admin = await ConsoleClient.SignInAsync(app);

        var cycle = await admin.PostFormForPageAsync($"/admin/red/nodos/{ids["TORRE-1"]}", "nodo", new()
        {
            ["Input.Name"] = "Torre Centro",
            ["Input.ParentCode"] = "CPE-1",
        });
        var moved = await admin.PostFormAsync($"/admin/red/nodos/{ids["AP-1"]}", "nodo", new()
        {
            ["Input.Name"] = "Sector 1",
            ["Input.Kind"] = "sector",
            ["Input.ParentCode"] = "TORRE-2",
        });

        Assert.Contains("Un nodo no puede quedar debajo de sí mismo ni de uno de los nodos que cuelgan de él.", cycle, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Found, moved.StatusCode);
        await app.WithDbAsync(async db =>
        {
            var tree = await db.NetworkNodes.AsNoTracking().ToDictionaryAsync(n => n.Code);
            Assert.Null(tree["TORRE-1"].ParentId);
            Assert.Equal($"/{ids["TORRE-2"]}/{ids["AP-1"]}/{ids["CPE-1"]}/", tree["CPE-1"].Path);
            Assert.Equal(2, tree["CPE-1"].Depth);
            return 0;
        });
    }

    [Theory, BothDatabases]
    public async Task Only_an_empty_leaf_can_be_deleted(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        await app.ImportAsync("nodes_csv", "nodos.csv", Tree);
        var ids = await app.WithDbAsync(db => db.NetworkNodes.ToDictionaryAsync(n => n.Code, n => n.Id));
        using var admin = await ConsoleClient.SignInAsync(app);

        var refused = await admin.PostFormForPageAsync($"/admin/red/nodos/{ids["AP-1"]}", "borrar-nodo", []);
        var deleted = await admin.PostFormAsync($"/admin/red/nodos/{ids["TORRE-2"]}", "borrar-nodo", []);

        Assert.Contains("Solo se borra un nodo sin nodos debajo", refused, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Found, deleted.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.NetworkNodes.AnyAsync(n => n.Code == "TORRE-2")));
        Assert.True(await app.WithDbAsync(db => db.NetworkNodes.AnyAsync(n => n.Code == "AP-1")));
    }

    [Theory, BothDatabases]
    public async Task The_background_job_reads_a_run_queued_while_it_slept(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        long id;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            using var file = new MemoryStream("codigo,nombre\nTORRE-9,Torre Nueve\n"u8.ToArray());
            var run = await scope.ServiceProvider.GetRequiredService<NetworkImports>()
                .QueueAsync(ImportKind.NodesCsv, "nodos.csv", file, null, new Actor("prueba", "Prueba"), default);
            id = run!.Id;
        }

        app.Services.GetRequiredService<NetworkImportJob>().Wake();
        var done = await NetworkImportKit.WaitForAsync(app, $"/api/v1/network/imports/{id}");

        Assert.Equal("done", done.GetProperty("state").GetString());
        Assert.Equal(1, done.GetProperty("created").GetInt32());
        Assert.True(await app.WithDbAsync(db => db.NetworkNodes.AnyAsync(n => n.Code == "TORRE-9")));
    }

    [Theory, BothDatabases]
    public async Task The_subscriber_page_shows_each_service_with_its_node(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var created = await app.Api().PostAsync("/api/v1/subscribers", new { accountNumber = "C-7", name = "Rosa Díaz" });
        await app.ImportAsync("nodes_csv", "nodos.csv", Tree);
        await app.ImportAsync("services_csv", "servicios.csv", """
            servicio,contrato,nodo,estado,plan,precio_mensual,dia_corte,calle,colonia,codigo_postal
            SRV-77,C-7,AP-1,suspendido,Hogar 50,349.00,15,Orizaba 10,Roma Norte,06700
            """);
        using var agent = await SignInAsAsync(app, Roles.Agent);

        var page = await agent.GetPageAsync($"/suscriptores/{created.Body.GetProperty("id")}");

        Assert.Contains("SRV-77", page, StringComparison.Ordinal);
        Assert.Contains("Sector 1", page, StringComparison.Ordinal);
        Assert.Contains("suspendido", page, StringComparison.Ordinal);
        Assert.Contains("$349.00", page, StringComparison.Ordinal);
        Assert.Contains("Orizaba 10, Roma Norte, CP 06700", page, StringComparison.Ordinal);
    }
}
