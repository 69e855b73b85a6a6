using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ventanilla.Data;
using Ventanilla.Staff;
using Ventanilla.Web;
using Ventanilla.Web.Idempotency;

namespace Ventanilla.Tickets.Closure;

/// <summary>The subscriber's answer to the closing notice, as an agent records it from a call or a chat.</summary>
public sealed record SubscriberAnswerRequest(bool? Fixed, string? Said = null);

/// <summary>The closing notice and the subscriber's answer to it.</summary>
public static class ClosureApi
{
    public static void MapClosure(this RouteGroupBuilder group)
    {
        group.MapPost("/{folio}/notice", Notify).RequireAuthorization(Rights.NotifySubscribers).WithIdempotency();
        group.MapPost("/{folio}/subscriber-answer", Answer).RequireAuthorization(Rights.WorkTickets);
    }

    public static async Task<Results<Ok<TicketResponse>, ValidationProblem, ProblemHttpResult>> Notify(string folio,
        VentanillaDbContext db, ClosureDesk closure, TimeProvider clock, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var (ticket, problem) = await TicketChangesApi.LoadForChange(db, folio, http, ct);
        if (ticket is null)
        {
            return problem!;
        }

        var violation = await closure.NotifyAsync(ticket, Actors.From(user), clock.GetUtcNow().UtcDateTime, ct);
        return violation is null ? await TicketChangesApi.Saved(db, ticket, http, ct) : Problems.From(violation);
    }

    public static async Task<Results<Ok<TicketResponse>, ValidationProblem, ProblemHttpResult>> Answer(string folio, SubscriberAnswerRequest request,
        VentanillaDbContext db, ClosureDesk closure, TimeProvider clock, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var said = errors.Text("said", request.Said, ClosureDesk.ReasonLength);
        if (request.Fixed is null)
        {
            errors.Add("fixed", "Indica si el suscriptor confirmó que quedó resuelto (true) o no (false).");
        }
        else if (request.Fixed == false && said is null)
        {
            errors.Add("said", "Anota lo que dijo el suscriptor: el folio se reabre con ese motivo.");
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

        var violation = await closure.AnswerAsync(ticket, request.Fixed!.Value, said, Actors.From(user), clock.GetUtcNow().UtcDateTime, ct);
        return violation is null ? await TicketChangesApi.Saved(db, ticket, http, ct) : Problems.From(violation);
    }
}
