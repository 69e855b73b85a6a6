using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ventanilla.Data;
using Ventanilla.Staff;

namespace Ventanilla.IntegrationTests;

/// <summary>A change to someone's sign-in reaches the browsers where they are already signed in.</summary>
public class SessionTests
{
    private const string Password = "Persona-Password-1";
    private static readonly DateTimeOffset Morning = new(2026, 3, 2, 16, 0, 0, TimeSpan.Zero);

    private static ConsoleClient Browser(WebApplicationFactory<Program> node) =>
        new(node.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false }));

    /// <summary>Another process on the same database, with a clock the test moves.</summary>
    private static WebApplicationFactory<Program> Node(VentanillaApp app, TimeProvider clock) =>
        app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton(clock)));

    private static async Task<string> FolioAsync(VentanillaApp app) =>
        (await app.Api().PostAsync("/api/v1/tickets", Json.Fault())).Body.Str("folio");

    [Theory, BothDatabases]
    public async Task Disabling_an_agent_sends_their_open_session_to_sign_in_on_the_next_request(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var agent = await FollowUpRulesSteps.CreateUserAsync(app, "agente@localhost", Roles.Agent);
        var folio = await FolioAsync(app);
        using var agentBrowser = await ConsoleClient.SignInAsync(app, "agente@localhost", Password);
        using var admin = await ConsoleClient.SignInAsync(app);
        var before = await agentBrowser.Http.GetAsync($"/folios/{folio}");

        await admin.PostFormAsync($"/admin/usuarios/{agent.Id}", "deshabilitar", new() { ["Disable.Confirmed"] = "true" });
        var after = await agentBrowser.Http.GetAsync($"/folios/{folio}");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Found, after.StatusCode);
        Assert.StartsWith("/entrar", ConsoleClient.Location(after), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_supervisor_demoted_to_agent_is_refused_supervision_on_the_next_request(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var supervisor = await FollowUpRulesSteps.CreateUserAsync(app, "supervisora@localhost", Roles.Supervisor);
        using var supervisorBrowser = await ConsoleClient.SignInAsync(app, "supervisora@localhost", Password);
        using var admin = await ConsoleClient.SignInAsync(app);
        var before = await supervisorBrowser.Http.GetAsync("/supervision");

        var saved = await admin.PostFormAsync($"/admin/usuarios/{supervisor.Id}", "editar-usuario", new()
        {
            ["Input.DisplayName"] = "Supervisora",
            ["Input.Roles[agent]"] = "true",
        });
        var after = await supervisorBrowser.Http.GetAsync("/supervision");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal($"/admin/usuarios/{supervisor.Id}?aviso=guardado", ConsoleClient.Location(saved));
        Assert.NotEqual(HttpStatusCode.OK, after.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Changing_the_password_ends_the_other_browsers_of_that_person_at_once(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        await FollowUpRulesSteps.CreateUserAsync(app, "agente@localhost", Roles.Agent);
        using var phone = await ConsoleClient.SignInAsync(app, "agente@localhost", Password);
        using var desk = await ConsoleClient.SignInAsync(app, "agente@localhost", Password);

        var changed = await desk.PostFormAsync("/cuenta/seguridad", "cambiar-clave", new()
        {
            ["Input.Current"] = Password, ["Input.New"] = "Otra-Clave-2026!", ["Input.Repeat"] = "Otra-Clave-2026!",
        });
        var onPhone = await phone.Http.GetAsync("/");
        var onDesk = await desk.Http.GetAsync("/");

        Assert.Equal("/cuenta/seguridad?aviso=clave", ConsoleClient.Location(changed));
        Assert.Equal(HttpStatusCode.Found, onPhone.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onDesk.StatusCode);
    }

    [Theory, BothDatabases]
    public async Task Another_node_ends_a_disabled_persons_session_within_30_seconds(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var agent = await FollowUpRulesSteps.CreateUserAsync(app, "agente@localhost", Roles.Agent);
        var folio = await FolioAsync(app);
        var (clockA, clockB) = (new FakeTimeProvider(Morning), new FakeTimeProvider(Morning));
        await using var nodeA = Node(app, clockA);
        await using var nodeB = Node(app, clockB);
        using var agentOnA = Browser(nodeA);
        var signedIn = await agentOnA.SignInAsync("agente@localhost", Password);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("ventanilla=", StringComparison.Ordinal));
        using var agentOnB = nodeB.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        agentOnB.DefaultRequestHeaders.Add("Cookie", cookie);
        using var admin = Browser(nodeA);
        await admin.SignInAsync(ConsoleClient.AdminEmail, ConsoleClient.AdminPassword);

        await admin.PostFormAsync($"/admin/usuarios/{agent.Id}", "deshabilitar", new() { ["Disable.Confirmed"] = "true" });
        clockB.Advance(TimeSpan.FromSeconds(29));
        var stillTrusted = await agentOnB.GetAsync($"/folios/{folio}");
        clockB.Advance(TimeSpan.FromSeconds(2));
        var afterInterval = await agentOnB.GetAsync($"/folios/{folio}");

        Assert.Equal(HttpStatusCode.OK, stillTrusted.StatusCode);
        Assert.Equal(HttpStatusCode.Found, afterInterval.StatusCode);
        Assert.StartsWith("/entrar", ConsoleClient.Location(afterInterval), StringComparison.Ordinal);
    }
}
