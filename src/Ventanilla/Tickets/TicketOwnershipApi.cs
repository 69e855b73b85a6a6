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
        string folio, AssignmentRequest request, VentanillaDbContext db, Messaging.Notifications.Notifier notifier, TimeProvider clock,
        ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (await AssignmentInput.ReadAsync(db, request, errors, ct) is not { } assignment)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        var (ticket, problem) = await TicketChangesApi.LoadForChange(db, folio, http, ct);
        if (ticket is null)
        {
            return problem!;
        }

        var (lead, now) = (ticket.TechnicalLeadId, clock.GetUtcNow().UtcDateTime);
        ticket.Assign(assignment, Actors.From(user), now);
        await notifier.TellTechnicalHandOverAsync(ticket, lead, Actors.From(user), now, ct);
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
}
