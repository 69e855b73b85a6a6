using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;

namespace Ventanilla.IntegrationTests;

/// <summary>Turning two-step sign-in off takes proof of being the account's owner, not just an open browser.</summary>
public partial class TwoFactorTests
{
    private static Task<bool> TwoFactorOnAsync(VentanillaApp app) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == ConsoleClient.AdminEmail).Select(u => u.TwoFactorEnabled).SingleAsync());

    [Theory, BothDatabases]
    public async Task Disable_WithoutTheRightPassword_LeavesTwoFactorOn_WithIt_TurnsItOff(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        using var console = await ConsoleClient.SignInAsync(app);
        await EnableAsync(app, console);

        var refused = await console.PostFormForPageAsync("/cuenta/seguridad", "desactivar-2fa", new()
            { ["Disable.Confirmed"] = "true", ["Disable.Proof"] = "No-Es-La-Clave-1" });
        var stillOn = await TwoFactorOnAsync(app);
        var accepted = await console.PostFormAsync("/cuenta/seguridad", "desactivar-2fa", new()
            { ["Disable.Confirmed"] = "true", ["Disable.Proof"] = ConsoleClient.AdminPassword });

        Assert.Contains("La contraseña o el código no son correctos.", refused, StringComparison.Ordinal);
        Assert.True(stillOn);
        Assert.Equal("/cuenta/seguridad?aviso=desactivada", ConsoleClient.Location(accepted));
        Assert.False(await TwoFactorOnAsync(app));
    }

    [Theory, BothDatabases]
    public async Task Disable_WithACurrentCode_TurnsItOff(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        using var console = await ConsoleClient.SignInAsync(app);
        var key = await EnableAsync(app, console);

        var accepted = await console.PostFormAsync("/cuenta/seguridad", "desactivar-2fa", new()
            { ["Disable.Confirmed"] = "true", ["Disable.Proof"] = Totp.Code(key, app.Clock.GetUtcNow()) });

        Assert.Equal("/cuenta/seguridad?aviso=desactivada", ConsoleClient.Location(accepted));
        Assert.False(await TwoFactorOnAsync(app));
    }
}
