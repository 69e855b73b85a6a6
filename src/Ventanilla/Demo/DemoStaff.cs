using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Staff;
using Ventanilla.Tickets;

namespace Ventanilla.Demo;

/// <summary>The demo provider's staff: one or more people for every role of the procedure.</summary>
internal static class DemoStaff
{
    /// <summary>The one password of every demo user; printed in the log and written in the README.</summary>
    public const string Password = "Demo-Netmas-2026";

    /// <summary>Its presence means the demo data was loaded: it is the first user a person signs in with.</summary>
    public const string MarkerEmail = "ana.agente@netmas.mx";

    public static readonly DemoPerson[] People =
    [
        new(MarkerEmail, "Ana Lucía Martínez", Roles.Agent, "servicio_al_cliente"),
        new("luis.agente@netmas.mx", "Luis Fernando Ortega", Roles.Agent, "servicio_al_cliente"),
        new("hector.responsable@netmas.mx", "Héctor Salazar Ríos", Roles.TechnicalLead, "tecnica"),
        new("miguel.tecnico@netmas.mx", "Miguel Ángel Castañeda", Roles.Technician, "tecnica"),
        new("paola.facturacion@netmas.mx", "Paola Rivera Nájera", Roles.Area, "facturacion"),
        new("diana.comercial@netmas.mx", "Diana Villalobos", Roles.Area, "comercial"),
        new("ricardo.cancelaciones@netmas.mx", "Ricardo Esparza", Roles.Area, "cancelaciones"),
        new("sofia.supervisora@netmas.mx", "Sofía Delgado Haro", Roles.Supervisor, "servicio_al_cliente"),
    ];

    public static async Task<bool> AlreadyLoadedAsync(UserManager<StaffUser> users) =>
        await users.FindByEmailAsync(MarkerEmail) is not null;

    /// <summary>Creates the people (skipping any that exist) and returns who plays which part.</summary>
    public static async Task<DemoCast> CreateAsync(UserManager<StaffUser> users, VentanillaDbContext db, DateTime now)
    {
        var areas = await db.Areas.ToDictionaryAsync(a => a.Code);
        var members = new Dictionary<string, StaffMember>(StringComparer.Ordinal);
        foreach (var person in People)
        {
            var user = await users.FindByEmailAsync(person.Email);
            if (user is null)
            {
                user = new StaffUser
                {
                    UserName = person.Email,
                    Email = person.Email,
                    EmailConfirmed = true,
                    DisplayName = person.Name,
                    AreaId = areas.GetValueOrDefault(person.AreaCode)?.Id,
                };
                Check(await users.CreateAsync(user, Password));
                Check(await users.AddToRoleAsync(user, person.Role));
            }

            members[person.Email] = new StaffMember(user.Id, person.Name);
        }

        // An integration's key, so reports filed through the API name a real key; nobody knows its secret.
        var (key, _) = ApiKey.Generate("Monitoreo de red", Roles.Agent, now);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync();
        var monitoring = new Actor($"api-key:{key.Id}", $"Clave de API «{key.Name}»");
        return new DemoCast(members, areas, monitoring);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                "Could not create the demo staff: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

internal sealed record DemoPerson(string Email, string Name, string Role, string AreaCode);

/// <summary>Who acts in the demo stories, by part.</summary>
internal sealed class DemoCast(IReadOnlyDictionary<string, StaffMember> members, IReadOnlyDictionary<string, Area> areas, Actor monitoring)
{
    public StaffMember Agent(Random random) => members[random.Next(2) == 0 ? DemoStaff.MarkerEmail : "luis.agente@netmas.mx"];
    public StaffMember Lead => members["hector.responsable@netmas.mx"];
    public StaffMember Technician => members["miguel.tecnico@netmas.mx"];
    public StaffMember Supervisor => members["sofia.supervisora@netmas.mx"];
    public Actor Monitoring => monitoring;

    public Area Area(string code) => areas[code];

    /// <summary>The person of the area that owns a routed kind of report.</summary>
    public StaffMember AreaPerson(string areaCode) => areaCode switch
    {
        "facturacion" => members["paola.facturacion@netmas.mx"],
        "cancelaciones" => members["ricardo.cancelaciones@netmas.mx"],
        _ => members["diana.comercial@netmas.mx"],
    };

    public static Actor As(StaffMember member) => new(member.Id, member.Name);
}
