using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Ventanilla.Data;
using Ventanilla.Staff;
using Ventanilla.Web;

namespace Ventanilla.Tickets.Outcomes;

public sealed record OutcomeRequest(string? Outcome, string? Text = null);

public sealed record CancellationDateRequest(string? EffectiveOn);

/// <summary>The owning area's settlement of complaints and clarifications, and a cancellation's effective date.</summary>
public static class OutcomesApi
{
    public static void MapOutcomes(this RouteGroupBuilder group)
    {
        group.MapPost("/{folio}/outcome", RecordOutcome).RequireAuthorization(Rights.RecordOutcomes);
        group.MapPost("/{folio}/cancellation-date", SetCancellationDate).RequireAuthorization(Rights.WorkTickets);
    }

    public static async Task<Results<Ok<TicketResponse>, ValidationProblem, ProblemHttpResult>> RecordOutcome(string folio, OutcomeRequest request,
        VentanillaDbContext db, TimeProvider clock, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var (ticket, problem) = await TicketChangesApi.LoadForChange(db, folio, http, ct);
        if (ticket is null)
        {
            return problem!;
        }

        // Another area is refused whatever it sent, before its input is read.
        if (!await OutcomeAuthority.MayRecordAsync(db, user, ticket, ct))
        {
            return TypedResults.Problem(title: OutcomeAuthority.Refusal, statusCode: StatusCodes.Status403Forbidden);
        }

        var errors = new FieldErrors();
        var outcome = errors.Enum<AreaOutcome>("outcome", request.Outcome);
        var text = errors.Text("text", request.Text, Ticket.OutcomeTextLength);
        if (outcome is { } chosen && Ticket.OutcomeProblem(chosen, text) is { } missing)
        {
            errors.Add("text", missing);
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        var violation = ticket.RecordOutcome(outcome!.Value, text, Actors.From(user), clock.GetUtcNow().UtcDateTime);
        return violation is null ? await TicketChangesApi.Saved(db, ticket, http, ct) : Problems.From(violation);
    }

    public static async Task<Results<Ok<TicketResponse>, ValidationProblem, ProblemHttpResult>> SetCancellationDate(string folio,
        CancellationDateRequest request, VentanillaDbContext db, TimeProvider clock, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(request.EffectiveOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["effectiveOn"] = ["Escribe la fecha efectiva como AAAA-MM-DD."] });
        }

        var (ticket, problem) = await TicketChangesApi.LoadForChange(db, folio, http, ct);
        if (ticket is null)
        {
            return problem!;
        }

        var violation = ticket.SetCancellationDate(date, Actors.From(user), clock.GetUtcNow().UtcDateTime);
        return violation is null ? await TicketChangesApi.Saved(db, ticket, http, ct) : Problems.From(violation);
    }
}
