using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;

namespace Ventanilla.IntegrationTests;

public partial class TwoFactorTests
{
    private static async Task<string> EnableAsync(VentanillaApp app, ConsoleClient console)
    {
        var page = await console.GetPageAsync("/cuenta/seguridad");
        var key = SecretInUri().Match(page).Groups["key"].Value;
        Assert.NotEmpty(key);
        var enabled = await console.PostFormAsync("/cuenta/seguridad", "activar-2fa", new() { ["Enable.Code"] = Totp.Code(key, app.Clock.GetUtcNow()) });
        Assert.Equal("/cuenta/seguridad?aviso=activada", ConsoleClient.Location(enabled));
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Email == ConsoleClient.AdminEmail).Select(u => u.TwoFactorEnabled).SingleAsync()));
        return key;
    }

    /// <summary>A six-digit code that no step near now produces for this key.</summary>
    private static string WrongCode(string key, DateTimeOffset now)
    {
        var near = Enumerable.Range(-3, 7).Select(step => Totp.Code(key, now, step)).ToHashSet();
        return Enumerable.Range(0, 10).Select(i => new string((char)('0' + i), 6)).First(c => !near.Contains(c));
    }

    [Theory, BothDatabases]
    public async Task SignIn_AfterEnablingTwoFactor_AsksForCode_RefusesWrongOne_AcceptsRightOne(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        string key;
        using (var first = await ConsoleClient.SignInAsync(app))
        {
            key = await EnableAsync(app, first);
            var signedOut = await first.SignOutAsync();
            Assert.Equal("/entrar", ConsoleClient.Location(signedOut));
        }

        using var console = ConsoleClient.Anonymous(app);
        var password = await console.SignInAsync(ConsoleClient.AdminEmail, ConsoleClient.AdminPassword);
        Assert.Equal(HttpStatusCode.Found, password.StatusCode);
        Assert.StartsWith("/entrar/codigo", ConsoleClient.Location(password), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Found, (await console.Http.GetAsync("/cuenta/seguridad")).StatusCode);

        var wrong = await console.PostFormForPageAsync("/entrar/codigo", "codigo", new() { ["Input.Code"] = WrongCode(key, app.Clock.GetUtcNow()) });
        var right = await console.PostFormAsync("/entrar/codigo", "codigo", new() { ["Input.Code"] = Totp.Code(key, app.Clock.GetUtcNow()) });

        Assert.Contains("El código no es correcto", wrong, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Found, right.StatusCode);
        Assert.Equal("/", ConsoleClient.Location(right));
        Assert.Contains("Verificación en dos pasos", await console.GetPageAsync("/cuenta/seguridad"), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Enable_WithWrongCode_LeavesTwoFactorOff(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        using var console = await ConsoleClient.SignInAsync(app);
        var key = SecretInUri().Match(await console.GetPageAsync("/cuenta/seguridad")).Groups["key"].Value;

        var html = await console.PostFormForPageAsync("/cuenta/seguridad", "activar-2fa", new() { ["Enable.Code"] = WrongCode(key, app.Clock.GetUtcNow()) });

        Assert.Contains("El código no coincide", html, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Email == ConsoleClient.AdminEmail).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }

    [Theory, BothDatabases]
    public async Task Disable_WithConfirmation_SignInNeedsOnlyThePasswordAgain(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        using (var first = await ConsoleClient.SignInAsync(app))
        {
            await EnableAsync(app, first);
            var unconfirmed = await first.PostFormForPageAsync("/cuenta/seguridad", "desactivar-2fa", new() { ["Disable.Proof"] = ConsoleClient.AdminPassword });
            var disabled = await first.PostFormAsync("/cuenta/seguridad", "desactivar-2fa", new()
            {
                ["Disable.Confirmed"] = "true", ["Disable.Proof"] = ConsoleClient.AdminPassword,
            });
            Assert.Contains("Marca la confirmación", unconfirmed, StringComparison.Ordinal);
            Assert.Equal("/cuenta/seguridad?aviso=desactivada", ConsoleClient.Location(disabled));
        }

        using var again = await ConsoleClient.SignInAsync(app);
    }

    [Fact]
    public async Task CodePage_WithoutPasswordStep_SendsBackToSignIn()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite);
        using var console = ConsoleClient.Anonymous(app);

        var response = await console.Http.GetAsync("/entrar/codigo");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/entrar", ConsoleClient.Location(response));
    }

    [Theory, BothDatabases]
    public async Task ChangePassword_WrongCurrentRefusedInSpanish_RightOneChangesIt(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        using var console = await ConsoleClient.SignInAsync(app);
        var fields = new Dictionary<string, string>
        {
            ["Input.Current"] = "No-Es-La-Clave-1",
            ["Input.New"] = "Nueva-Clave-2026",
            ["Input.Repeat"] = "Nueva-Clave-2026",
        };

        var refused = await console.PostFormForPageAsync("/cuenta/seguridad", "cambiar-clave", fields);
        fields["Input.Current"] = ConsoleClient.AdminPassword;
        var changed = await console.PostFormAsync("/cuenta/seguridad", "cambiar-clave", fields);

        Assert.Contains("La contraseña actual no es correcta.", refused, StringComparison.Ordinal);
        Assert.Equal("/cuenta/seguridad?aviso=clave", ConsoleClient.Location(changed));
        using var again = await ConsoleClient.SignInAsync(app, ConsoleClient.AdminEmail, "Nueva-Clave-2026");
    }

    [GeneratedRegex("secret=(?<key>[A-Z2-7]+)&")]
    private static partial Regex SecretInUri();
}
