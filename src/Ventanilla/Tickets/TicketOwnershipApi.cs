using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Staff;
using Ventanilla.Web;

namespace Ventanilla.Tickets;

/// <summary>Who a ticket belongs to: its area, its people and its subscriber.</summary>
public static class TicketOwnershipApi
{
    public static async Task<Results<Ok<TicketResponse>, ValidationProblem, ProblemHttpResult>> Assign(
        string folio, AssignmentRequest request, VentanillaDbContext db, TimeProvider clock, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var priority = errors.Enum<TicketPriority>("priority", request.Priority, required: false);
        Area? area = null;
        if (Text.Clean(request.Area) is { } code)
        {
            area = await db.Areas.FirstOrDefaultAsync(a => a.Code == code, ct);
            if (area is null)
            {
                errors.Add("area", $"No existe el área «{code}».");
            }
        }

        var owner = await StaffInRole(db, "customerServiceOwner", request.CustomerServiceOwner,
            [Roles.Agent, Roles.Supervisor, Roles.Admin], errors, ct);
        var lead = await StaffInRole(db, "technicalLead", request.TechnicalLead, [Roles.TechnicalLead], errors, ct);
        if (!errors.Any && area is null && owner is null && lead is null && priority is null)
        {
            errors.Add("area", "Indica al menos el área, el responsable, el responsable técnico o la prioridad.");
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        var (ticket, problem) = await TicketChangesApi.LoadForChange(db, folio, http, ct);
        if (ticket is null)
        {
            return problem!;
        }

        ticket.Assign(new Assignment(area, owner, lead, priority), Actors.From(user), clock.GetUtcNow().UtcDateTime);
        return await TicketChangesApi.Saved(db, ticket, http, ct);
    }

    public static async Task<Results<Ok<TicketResponse>, ValidationProblem, ProblemHttpResult>> LinkSubscriber(
        string folio, LinkSubscriberRequest request, VentanillaDbContext db, TimeProvider clock, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var subscriber = request.SubscriberId is { } id ? await db.Subscribers.FirstOrDefaultAsync(s => s.Id == id, ct) : null;
        if (subscriber is null)
        {
            return Problems.Invalid(new Dictionary<string, string[]>
            {
                ["subscriberId"] = [request.SubscriberId is null ? "Indica el suscriptor." : $"No existe el suscriptor {request.SubscriberId}."],
            });
        }

        var (ticket, problem) = await TicketChangesApi.LoadForChange(db, folio, http, ct);
        if (ticket is null)
        {
            return problem!;
        }

        ticket.LinkSubscriber(subscriber, Actors.From(user), clock.GetUtcNow().UtcDateTime);
        return await TicketChangesApi.Saved(db, ticket, http, ct);
    }

    /// <summary>A staff member, by id or email, who holds one of the roles the job needs.</summary>
    private static async Task<StaffMember?> StaffInRole(VentanillaDbContext db, string field, string? who, string[] roles,
        FieldErrors errors, CancellationToken ct)
    {
        if (Text.Clean(who) is not { } key)
        {
            return null;
        }

        var normalized = key.ToUpperInvariant();
        var person = await db.Users.Where(u => u.Id == key || u.NormalizedEmail == normalized)
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .FirstOrDefaultAsync(ct);
        if (person is null)
        {
            errors.Add(field, $"No existe el usuario «{key}».");
            return null;
        }

        var holdsRole = await db.UserRoles.Where(ur => ur.UserId == person.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name)
            .AnyAsync(name => roles.Contains(name!), ct);
        if (!holdsRole)
        {
            errors.Add(field, $"«{key}» no tiene el rol necesario ({string.Join(", ", roles)}).");
            return null;
        }

        return new StaffMember(person.Id, string.IsNullOrEmpty(person.DisplayName) ? person.Email ?? person.Id : person.DisplayName);
    }
}
