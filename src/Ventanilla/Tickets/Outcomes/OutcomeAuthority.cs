using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Staff;

namespace Ventanilla.Tickets.Outcomes;

/// <summary>
/// Who may settle a complaint for its area. The area role is not enough on its own: billing must
/// not settle a complaint the commercial area owns. Supervisors and administrators settle for any area.
/// </summary>
public static class OutcomeAuthority
{
    public const string Refusal = "Solo el área dueña del folio (o supervisión) puede registrar su resultado.";

    public static async Task<bool> MayRecordAsync(VentanillaDbContext db, ClaimsPrincipal user, Ticket ticket, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin))
        {
            return true;
        }

        if (!user.IsInRole(Roles.Area) || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
        {
            return false;
        }

        // Read now rather than from the sign-in: an administrator who moves someone to another area
        // takes the old area's complaints away from them at once. An API key belongs to no area.
        var area = await db.Users.Where(u => u.Id == id).Select(u => u.AreaId).FirstOrDefaultAsync(ct);
        return ticket.IsOwnedByArea(area);
    }
}
