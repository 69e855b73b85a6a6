using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Staff;
using Ventanilla.Web;

namespace Ventanilla.Tickets;

/// <summary>The staff who may own a ticket's follow-up or its technical work, and their names.</summary>
internal static class TicketStaff
{
    /// <summary>Customer Service owns the follow-up and the closing notice.</summary>
    public static readonly string[] OwnerRoles = [Roles.Agent, Roles.Supervisor, Roles.Admin];

    public static readonly string[] LeadRoles = [Roles.TechnicalLead];

    /// <summary>A staff member, by id or email, who holds one of <paramref name="roles"/>; otherwise a message for <paramref name="field"/>.</summary>
    public static async Task<StaffMember?> FindInRoleAsync(VentanillaDbContext db, string field, string? who, string[] roles,
        FieldErrors errors, CancellationToken ct)
    {
        if (Text.Clean(who) is not { } key)
        {
            return null;
        }

        var normalized = key.ToUpperInvariant();
        var person = await db.Users.Where(u => u.Id == key || u.NormalizedEmail == normalized)
            .Select(u => new Person(u.Id, u.DisplayName, u.Email))
            .FirstOrDefaultAsync(ct);
        if (person is null)
        {
            errors.Add(field, $"No existe el usuario «{key}».");
            return null;
        }

        if (!await InRoles(db, roles).AnyAsync(u => u.Id == person.Id, ct))
        {
            errors.Add(field, $"«{key}» no tiene el rol necesario ({string.Join(", ", roles)}).");
            return null;
        }

        return person.ToMember();
    }

    /// <summary>Everyone who holds one of <paramref name="roles"/>, by name, for a pick list.</summary>
    public static async Task<IReadOnlyList<StaffMember>> CandidatesAsync(VentanillaDbContext db, string[] roles, CancellationToken ct)
    {
        var people = await InRoles(db, roles).Select(u => new Person(u.Id, u.DisplayName, u.Email)).ToListAsync(ct);
        return people.Select(p => p.ToMember()).OrderBy(m => m.Name, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>Names for the given ids; ids of people no longer on the staff are left out.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> NamesAsync(VentanillaDbContext db, IEnumerable<string> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct(StringComparer.Ordinal).ToArray();
        var people = wanted.Length == 0
            ? []
            : await db.Users.Where(u => wanted.Contains(u.Id)).Select(u => new Person(u.Id, u.DisplayName, u.Email)).ToListAsync(ct);
        return people.ToDictionary(p => p.Id, p => p.ToMember().Name, StringComparer.Ordinal);
    }

    private static IQueryable<StaffUser> InRoles(VentanillaDbContext db, string[] roles) =>
        db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id
            && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))));

    private sealed record Person(string Id, string? DisplayName, string? Email)
    {
        public StaffMember ToMember() => new(Id, string.IsNullOrEmpty(DisplayName) ? Email ?? Id : DisplayName);
    }
}
