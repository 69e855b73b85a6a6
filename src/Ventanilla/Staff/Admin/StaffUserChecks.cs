using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Deadlines.Calendars;
using Ventanilla.Subscribers.Pages;
using Ventanilla.Web;

namespace Ventanilla.Staff.Admin;

/// <summary>What both user forms check before Identity sees the user.</summary>
public static class StaffUserChecks
{
    /// <summary>The display name, area, shift and roles, or null after noting what is wrong.</summary>
    public static async Task<(string Name, int? AreaId, string? Shift, IReadOnlyList<string> Roles)?> CheckAsync(
        StaffUserForm input, VentanillaDbContext db, FormProblems problems)
    {
        var errors = new FieldErrors();
        var name = errors.Text("displayName", input.DisplayName, 200, required: true);
        var area = input.Area();
        if (!string.IsNullOrEmpty(input.AreaId) && (area is null || !await db.Areas.AnyAsync(a => a.Id == area)))
        {
            errors.Add("areaId", "Elige un área de la lista.");
        }

        var shift = Text.Clean(input.Shift);
        if (shift is not null && !(shift.StartsWith(WorkCalendar.ShiftPrefix, StringComparison.Ordinal)
            && await db.BusinessCalendars.AnyAsync(c => c.Code == shift)))
        {
            errors.Add("shift", "Elige un turno de la lista.");
        }

        var roles = input.ChosenRoles();
        if (roles.Count == 0)
        {
            errors.Add("roles", "Elige al menos un rol.");
        }

        problems.AddAll(errors.ToDictionary());
        return name is null || errors.Any ? null : (name, area, shift, roles);
    }

    /// <summary>The staff shifts an administrator can give someone, by name.</summary>
    public static async Task<List<(string Code, string Name)>> ShiftsAsync(VentanillaDbContext db) =>
        [.. (await db.BusinessCalendars.AsNoTracking().Where(c => c.Code.StartsWith(WorkCalendar.ShiftPrefix))
            .Select(c => new { c.Code, c.Name }).ToListAsync())
            .OrderBy(c => c.Name, StringComparer.CurrentCulture).Select(c => (c.Code, c.Name))];
}
