using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Data;
using Ventanilla.Deadlines.Rules;
using Ventanilla.Routing;
using Ventanilla.Staff;

namespace Ventanilla.IntegrationTests;

public partial class AdminPagesTests
{
    private static readonly string[] AdminPages = ["/admin", "/admin/usuarios", "/admin/usuarios/nuevo", "/admin/areas", "/admin/claves", "/admin/proveedor", "/admin/correo", "/admin/correo/nuevo", "/admin/correo/marcados"];

    private static async Task<StaffUser> CreateUserAsync(VentanillaApp app, string email, string role, string password = "Agente-Password-1")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email, Email = email, DisplayName = "Persona de prueba" };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        await users.AddToRoleAsync(user, role);
        return user;
    }

    private static Task<StaffUser?> FindAsync(VentanillaApp app, string email) =>
        app.WithDbAsync(db => db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Email == email));

    [Theory, BothDatabases]
    public async Task AdminPages_ForAgent_RedirectToNotAllowed_ForAdmin_Open(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        await CreateUserAsync(app, "agente@localhost", Roles.Agent);
        using var agent = await ConsoleClient.SignInAsync(app, "agente@localhost", "Agente-Password-1");
        using var admin = await ConsoleClient.SignInAsync(app);

        foreach (var page in AdminPages)
        {
            var refused = await agent.Http.GetAsync(page);
            Assert.Equal(HttpStatusCode.Found, refused.StatusCode);
            Assert.StartsWith("/sin-permiso", ConsoleClient.Location(refused), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync(page)).StatusCode);
        }
    }

    [Theory, BothDatabases]
    public async Task CreateUser_WithWeakPassword_ShowsSpanishErrorAndCreatesNobody(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        using var admin = await ConsoleClient.SignInAsync(app);

        var html = await admin.PostFormForPageAsync("/admin/usuarios/nuevo", "crear-usuario", new()
        {
            ["Input.Email"] = "nueva@localhost",
            ["Input.DisplayName"] = "Nueva Agente",
            ["Input.Roles[agent]"] = "true",
            ["Input.Password"] = "corta",
        });

        Assert.Contains("La contraseña debe tener al menos 10 caracteres.", html, StringComparison.Ordinal);
        Assert.Contains("La contraseña debe incluir al menos una letra mayúscula.", html, StringComparison.Ordinal);
        Assert.Null(await FindAsync(app, "nueva@localhost"));
    }

    [Theory, BothDatabases]
    public async Task CreateUser_Valid_SavesRolesAndAreaAndCanSignIn(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        using var admin = await ConsoleClient.SignInAsync(app);

        var created = await admin.PostFormAsync("/admin/usuarios/nuevo", "crear-usuario", new()
        {
            ["Input.Email"] = "nueva@localhost",
            ["Input.DisplayName"] = "Nueva Supervisora",
            ["Input.AreaId"] = "2",
            ["Input.Roles[agent]"] = "true",
            ["Input.Roles[supervisor]"] = "true",
            ["Input.Password"] = "Buena-Clave-2026",
        });

        Assert.Equal("/admin/usuarios?aviso=creado", ConsoleClient.Location(created));
        var user = await FindAsync(app, "nueva@localhost");
        Assert.Equal(2, user!.AreaId);
        var roles = await app.WithDbAsync(db => db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync());
        Assert.Equal([Roles.Agent, Roles.Supervisor], roles.Order());
        Assert.Contains("Nueva Supervisora", await admin.GetPageAsync("/admin/usuarios"), StringComparison.Ordinal);
        using var signedIn = await ConsoleClient.SignInAsync(app, "nueva@localhost", "Buena-Clave-2026");
    }

    [Theory, BothDatabases]
    public async Task EditUser_RemovingOwnAdminRole_IsRefused(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        using var admin = await ConsoleClient.SignInAsync(app);
        var me = await FindAsync(app, ConsoleClient.AdminEmail);

        var html = await admin.PostFormForPageAsync($"/admin/usuarios/{me!.Id}", "editar-usuario", new()
        {
            ["Input.DisplayName"] = "Administrador",
            ["Input.Roles[agent]"] = "true",
        });

        Assert.Contains("No puedes quitarte tu propio rol de administrador", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("/admin")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task UnlockThenDisable_ChangesWhetherTheUserCanSignIn(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var agent = await CreateUserAsync(app, "agente@localhost", Roles.Agent);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(agent.Id))!, app.Clock.GetUtcNow().AddMinutes(15));
        }

        using var admin = await ConsoleClient.SignInAsync(app);
        Assert.Contains("Bloqueado hasta", await admin.GetPageAsync("/admin/usuarios"), StringComparison.Ordinal);

        var unlocked = await admin.PostFormAsync($"/admin/usuarios/{agent.Id}", "desbloquear", []);
        Assert.Equal($"/admin/usuarios/{agent.Id}?aviso=desbloqueado", ConsoleClient.Location(unlocked));
        using (await ConsoleClient.SignInAsync(app, "agente@localhost", "Agente-Password-1"))
        {
        }

        var disabled = await admin.PostFormAsync($"/admin/usuarios/{agent.Id}", "deshabilitar", new() { ["Disable.Confirmed"] = "true" });
        Assert.Equal($"/admin/usuarios/{agent.Id}?aviso=deshabilitado", ConsoleClient.Location(disabled));
        using var refused = ConsoleClient.Anonymous(app);
        var attempt = await refused.SignInAsync("agente@localhost", "Agente-Password-1");
        Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        Assert.Contains("Deshabilitado", await admin.GetPageAsync("/admin/usuarios"), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task RemoveTwoFactor_ForUserWhoLostTheirPhone_LetsThemInWithThePassword(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var agent = await CreateUserAsync(app, "agente@localhost", Roles.Agent);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByIdAsync(agent.Id))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        using var admin = await ConsoleClient.SignInAsync(app);
        using var before = ConsoleClient.Anonymous(app);
        var askedForCode = await before.SignInAsync("agente@localhost", "Agente-Password-1");
        var removed = await admin.PostFormAsync($"/admin/usuarios/{agent.Id}", "quitar-2fa", []);

        Assert.StartsWith("/entrar/codigo", ConsoleClient.Location(askedForCode), StringComparison.Ordinal);
        Assert.Equal($"/admin/usuarios/{agent.Id}?aviso=sin-2fa", ConsoleClient.Location(removed));
        using var after = await ConsoleClient.SignInAsync(app, "agente@localhost", "Agente-Password-1");
    }

    [Theory, BothDatabases]
    public async Task Areas_CreateWithCheckedCodeThenRename_KeepsTheCode(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        using var admin = await ConsoleClient.SignInAsync(app);

        var bad = await admin.PostFormForPageAsync("/admin/areas", "crear-area", new() { ["Create.Code"] = "Soporte Dos", ["Create.Name"] = "Soporte" });
        var created = await admin.PostFormAsync("/admin/areas", "crear-area", new() { ["Create.Code"] = "soporte_2", ["Create.Name"] = "Soporte" });
        var id = await app.WithDbAsync(db => db.Areas.Where(a => a.Code == "soporte_2").Select(a => a.Id).SingleAsync());
        var renamed = await admin.PostFormAsync("/admin/areas", $"renombrar-{id}", new() { ["Rename.Name"] = "Soporte en campo" });

        Assert.Contains("solo minúsculas sin acentos", bad, StringComparison.Ordinal);
        Assert.Equal("/admin/areas?aviso=creada", ConsoleClient.Location(created));
        Assert.Equal("/admin/areas?aviso=renombrada", ConsoleClient.Location(renamed));
        var area = await app.WithDbAsync(db => db.Areas.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal(("soporte_2", "Soporte en campo"), (area.Code, area.Name));
        Assert.Equal("Técnica", await app.WithDbAsync(db => db.Areas.Where(a => a.Code == "tecnica").Select(a => a.Name).SingleAsync()));
    }

    [Theory, BothDatabases]
    public async Task An_area_created_in_admin_has_its_calendar_and_assignment_at_once(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        using var admin = await ConsoleClient.SignInAsync(app);

        await admin.PostFormAsync("/admin/areas", "crear-area", new() { ["Create.Code"] = "soporte_2", ["Create.Name"] = "Soporte" });

        var id = await app.WithDbAsync(db => db.Areas.Where(a => a.Code == "soporte_2").Select(a => a.Id).SingleAsync());
        Assert.Equal("Área: Soporte", await app.WithDbAsync(db => db.BusinessCalendars.Where(c => c.Code == "area:soporte_2").Select(c => c.Name).SingleAsync()));
        Assert.Equal(AssignmentMode.RoundRobin, await app.WithDbAsync(db => db.AreaRouting.Where(r => r.AreaId == id).Select(r => r.Mode).SingleAsync()));
        var rules = app.Services.GetRequiredService<FollowUpDirectory>().Current;
        Assert.Equal(AssignmentMode.RoundRobin, rules.Areas["soporte_2"].Mode);
        Assert.True(rules.Calendars.ContainsKey("area:soporte_2"));
    }

    [Theory, BothDatabases]
    public async Task ApiKey_Create_ShowsSecretOnceThatWorks_RevokeRecordsIt(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        using var admin = await ConsoleClient.SignInAsync(app);

        var html = await admin.PostFormForPageAsync("/admin/claves", "crear-clave", new() { ["Create.Name"] = "Facturación", ["Create.Role"] = Roles.Agent });
        var secret = Secret().Match(html).Value;
        var unused = Secret().Match(await admin.PostFormForPageAsync("/admin/claves", "crear-clave", new() { ["Create.Name"] = "Sin usar", ["Create.Role"] = Roles.Agent })).Value;
        var used = await app.Api(secret).GetAsync("/api/v1/tickets");
        var listing = await admin.GetPageAsync("/admin/claves");
        var ids = await app.WithDbAsync(db => db.ApiKeys.Where(k => k.Name != "Bootstrap").OrderBy(k => k.Id).Select(k => k.Id).ToListAsync());
        foreach (var id in ids)
        {
            await admin.PostFormAsync("/admin/claves", $"revocar-{id}", []);
        }

        Assert.StartsWith("vnt_", secret, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        Assert.DoesNotContain(secret, listing, StringComparison.Ordinal);
        Assert.Contains(secret[..8], listing, StringComparison.Ordinal);
        Assert.All(await app.WithDbAsync(db => db.ApiKeys.Where(k => ids.Contains(k.Id)).Select(k => k.RevokedAt).ToListAsync()), revoked => Assert.NotNull(revoked));
        // Both stop at once on the node that revoked them, the one it had just used too; other nodes take up to ApiKeyCache.Lifetime.
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api(unused).GetAsync("/api/v1/tickets")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api(secret).GetAsync("/api/v1/tickets")).StatusCode);
    }

    [Theory, BothDatabases]
    public async Task ProviderProfile_NewPrefix_NamesTheNextFolio(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        using var admin = await ConsoleClient.SignInAsync(app);
        var fields = new Dictionary<string, string>
        {
            ["Input.Name"] = "Cablevisión del Valle",
            ["Input.FolioPrefix"] = "Q1",
            ["Input.Phones"] = "492 111 0000\n800 123 4567",
            ["Input.Emails"] = "atencion@cablevalle.mx",
            ["Input.Web"] = "www.cablevalle.mx",
            ["Input.WhatsApp"] = "",
            ["Input.Hours"] = "Diario de 8:00 a 20:00",
            ["Input.TimeZone"] = "America/Tijuana",
        };

        var refused = await admin.PostFormForPageAsync("/admin/proveedor", "proveedor", fields);
        fields["Input.FolioPrefix"] = "cvq";
        var saved = await admin.PostFormAsync("/admin/proveedor", "proveedor", fields);
        var (status, ticket, _) = await app.Api().PostAsync("/api/v1/tickets", Json.Fault());

        Assert.Contains("El prefijo lleva de 1 a 8 letras mayúsculas", refused, StringComparison.Ordinal);
        Assert.Equal("/admin/proveedor?aviso=guardado", ConsoleClient.Location(saved));
        Assert.Equal(HttpStatusCode.Created, status);
        Assert.StartsWith("CVQ-", ticket.Str("folio"), StringComparison.Ordinal);
        var page = await admin.GetPageAsync("/admin/proveedor");
        Assert.Contains("Cablevisión del Valle", page, StringComparison.Ordinal);
        Assert.Contains("800 123 4567", page, StringComparison.Ordinal);
    }

    [GeneratedRegex("vnt_[0-9a-f]{48}")]
    private static partial Regex Secret();
}
