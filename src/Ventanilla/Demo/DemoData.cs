using Microsoft.AspNetCore.Identity;
using Ventanilla.Data;
using Ventanilla.Provider;
using Ventanilla.Staff;

namespace Ventanilla.Demo;

/// <summary>
/// A believable data set for trying Ventanilla: the demo provider's staff, subscribers in
/// Zacatecas and Guadalajara, and tickets of the last sixty days on every channel and in every
/// status. The same every time (a fixed seed), and loaded only once per database.
/// </summary>
public static partial class DemoData
{
    private const int Seed = 2026;

    /// <summary>Loads the data set unless it is already there; returns whether it loaded it.</summary>
    public static async Task<bool> SeedAsync(IServiceProvider services)
    {
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("Ventanilla.Demo");
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var zone = services.GetRequiredService<ProviderDirectory>().Current.Zone;
        var random = new Random(Seed);

        DemoCast cast;
        IReadOnlyList<Subscribers.Subscriber> subscribers;
        await using (var scope = services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            if (await DemoStaff.AlreadyLoadedAsync(users))
            {
                LogAlreadyLoaded(log, DemoStaff.MarkerEmail);
                return false;
            }

            var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
            cast = await DemoStaff.CreateAsync(users, db, now);
            subscribers = await DemoSubscribers.CreateAsync(db, random, now);
            await DemoNetwork.CreateAsync(db, subscribers, random, now);
        }

        var plans = DemoSchedule.Plan(subscribers, random, now, zone);
        var tickets = await DemoTickets.CreateAsync(services, plans, cast, random, now);
        LogLoaded(log, subscribers.Count, tickets, string.Join(", ", DemoStaff.People.Select(p => $"{p.Email} ({p.Role})")), DemoStaff.Password);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Datos de demostración cargados: {Subscribers} suscriptores y {Tickets} reportes. Usuarios: {Users}. Contraseña de todos: {Password}")]
    private static partial void LogLoaded(ILogger logger, int subscribers, int tickets, string users, string password);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Los datos de demostración ya estaban cargados ({Marker} existe); no se agregó nada.")]
    private static partial void LogAlreadyLoaded(ILogger logger, string marker);
}
