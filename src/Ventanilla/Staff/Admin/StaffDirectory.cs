using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;

namespace Ventanilla.Staff.Admin;

/// <summary>A staff user as the administration pages list them.</summary>
public sealed record StaffRow(
    string Id, string Email, string DisplayName, string? AreaName, IReadOnlyList<string> Roles,
    DateTimeOffset? LockoutEnd, bool TwoFactor)
{
    /// <summary>Disabling a user locks them out until the end of time; an ordinary lockout ends.</summary>
    public bool Disabled => LockoutEnd is { } end && end.Year >= 9999;

    public bool LockedOut(DateTimeOffset now) => LockoutEnd is { } end && end > now;
}

public static class StaffDirectory
{
    public static async Task<List<StaffRow>> ListAsync(VentanillaDbContext db, string? userId = null)
    {
        var users = db.Users.AsNoTracking().Where(u => userId == null || u.Id == userId);
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           join u in users on ur.UserId equals u.Id
                           select new { ur.UserId, r.Name }).ToListAsync();
        var areas = await db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name);
        var rows = await users.OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.AreaId, u.LockoutEnd, u.TwoFactorEnabled })
            .ToListAsync();
        return [.. rows.Select(u => new StaffRow(u.Id, u.Email ?? "", u.DisplayName,
            u.AreaId is { } area ? areas.GetValueOrDefault(area) : null,
            [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name ?? "").Order(StringComparer.Ordinal)],
            u.LockoutEnd, u.TwoFactorEnabled))];
    }
}
