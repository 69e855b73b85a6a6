using System.Security.Claims;
using Ventanilla.Tickets;

namespace Ventanilla.Staff;

public static class Actors
{
    /// <summary>The signed-in person or API key, as the timeline names them.</summary>
    public static Actor From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous",
        user.FindFirstValue(StaffClaims.DisplayName) ?? user.FindFirstValue(ClaimTypes.Name) ?? user.Identity?.Name ?? "Anónimo");
}
