using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Web;

namespace Ventanilla.Tickets.Causes;

public static class CauseCatalogue
{
    /// <summary>The name of an active cause of the catalogue, or a message for the <c>causeId</c> field.</summary>
    public static async Task<string?> NameAsync(VentanillaDbContext db, int id, FieldErrors errors, CancellationToken ct)
    {
        var name = await db.Causes.Where(c => c.Id == id && c.Active).Select(c => c.Name).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            errors.Add("causeId", $"No hay una causa activa con el número {id} en el catálogo.");
        }

        return name;
    }
}
