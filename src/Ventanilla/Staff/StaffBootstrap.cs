using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ventanilla.Data;

namespace Ventanilla.Staff;

/// <summary>Gives a fresh install its roles, its first administrator and, when asked, an API key.</summary>
public static partial class StaffBootstrap
{
    public static async Task BootstrapStaffAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var options = services.GetRequiredService<IOptions<BootstrapOptions>>().Value;
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("Ventanilla.Bootstrap");
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }

        var users = services.GetRequiredService<UserManager<StaffUser>>();
        if (!await users.Users.AnyAsync())
        {
            var generated = string.IsNullOrEmpty(options.AdminPassword);
            var password = generated ? GeneratePassword() : options.AdminPassword!;
            var admin = new StaffUser { UserName = options.AdminEmail, Email = options.AdminEmail, EmailConfirmed = true, DisplayName = "Administrador" };
            Check(await users.CreateAsync(admin, password));
            Check(await users.AddToRoleAsync(admin, Roles.Admin));
            if (generated)
            {
                LogGeneratedAdmin(log, options.AdminEmail, password);
            }
        }

        if (!string.IsNullOrWhiteSpace(options.ApiKey))
        {
            if (options.ApiKey.Trim().Length < BootstrapOptions.MinimumKeyLength)
            {
                throw new InvalidOperationException(
                    $"Bootstrap:ApiKey must be at least {BootstrapOptions.MinimumKeyLength} characters long: it is a password for automation.");
            }

            var db = services.GetRequiredService<VentanillaDbContext>();
            var hash = ApiKey.HashOf(options.ApiKey.Trim());
            if (!await db.ApiKeys.AnyAsync(k => k.Hash == hash))
            {
                db.ApiKeys.Add(ApiKey.FromSecret(options.ApiKey.Trim(), "Bootstrap", Roles.Admin, now));
                await db.SaveChangesAsync();
            }
        }
    }

    private static string GeneratePassword() =>
        // Identity's default rules want a digit, both cases and a symbol; the random part carries the strength.
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('+', 'x').Replace('/', 'y') + "-7aK";

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                "Could not bootstrap staff: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Primer administrador creado. Usuario: {Email}  Contraseña: {Password}  (se muestra solo esta vez: guárdala en un lugar seguro)")]
    private static partial void LogGeneratedAdmin(ILogger logger, string email, string password);
}
