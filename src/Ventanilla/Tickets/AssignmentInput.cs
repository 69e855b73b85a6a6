using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Web;

namespace Ventanilla.Tickets;

/// <summary>Reads a requested assignment, the same for the API and the console.</summary>
internal static class AssignmentInput
{
    /// <summary>The assignment with its area and people looked up, or null with the reasons in <paramref name="errors"/>.</summary>
    public static async Task<Assignment?> ReadAsync(VentanillaDbContext db, AssignmentRequest request, FieldErrors errors, CancellationToken ct)
    {
        var priority = errors.Enum<TicketPriority>("priority", request.Priority, required: false);
        Staff.Area? area = null;
        if (Text.Clean(request.Area) is { } code)
        {
            area = await db.Areas.FirstOrDefaultAsync(a => a.Code == code, ct);
            if (area is null)
            {
                errors.Add("area", $"No existe el área «{code}».");
            }
        }

        var owner = await TicketStaff.FindInRoleAsync(db, "customerServiceOwner", request.CustomerServiceOwner, TicketStaff.OwnerRoles, errors, ct);
        var lead = await TicketStaff.FindInRoleAsync(db, "technicalLead", request.TechnicalLead, TicketStaff.LeadRoles, errors, ct);
        if (!errors.Any && area is null && owner is null && lead is null && priority is null)
        {
            errors.Add("area", "Indica al menos el área, el responsable, el responsable técnico o la prioridad.");
        }

        return errors.Any ? null : new Assignment(area, owner, lead, priority);
    }
}
