using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Staff;
using Ventanilla.Tickets;
using Ventanilla.Web;
using Ventanilla.Web.Idempotency;

namespace Ventanilla.Visits;

/// <summary>Home visits: booked by the technical lead, reported by the technician.</summary>
public static class VisitsApi
{
    public static void MapVisits(this RouteGroupBuilder group)
    {
        group.MapGet("/{folio}/visits", List).RequireAuthorization(Rights.ReadTickets);
        group.MapPost("/{folio}/visits", Schedule).RequireAuthorization(Rights.ScheduleVisits).WithIdempotency();
        group.MapPost("/{folio}/visits/{id:long}/reschedule", Reschedule).RequireAuthorization(Rights.ScheduleVisits).WithIdempotency();
        group.MapPost("/{folio}/visits/{id:long}/report", Report).RequireAuthorization(Rights.RecordVisits);
    }

    public static async Task<Results<Ok<VisitResponse[]>, ProblemHttpResult>> List(string folio, VentanillaDbContext db, CancellationToken ct)
    {
        if (await TicketChangesApi.Load(db, folio, ct) is not { } ticket)
        {
            return Problems.NotFound($"No existe el folio «{folio}».");
        }

        var visits = await db.Visits.AsNoTracking().Where(v => v.TicketId == ticket.Id).OrderBy(v => v.Id).ToListAsync(ct);
        return TypedResults.Ok(visits.Select(v => VisitResponse.From(v, ticket.Folio)).ToArray());
    }

    public static Task<Results<Created<VisitResponse>, ValidationProblem, ProblemHttpResult>> Schedule(string folio, VisitRequest request,
        VentanillaDbContext db, VisitBooking booking, TimeProvider clock, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
        BookAsync(folio, null, request, db, booking, clock, user, http, ct);

    public static Task<Results<Created<VisitResponse>, ValidationProblem, ProblemHttpResult>> Reschedule(string folio, long id, VisitRequest request,
        VentanillaDbContext db, VisitBooking booking, TimeProvider clock, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
        BookAsync(folio, id, request, db, booking, clock, user, http, ct);

    public static async Task<Results<Ok<VisitResponse>, ValidationProblem, ProblemHttpResult>> Report(string folio, long id, VisitReportRequest request,
        VentanillaDbContext db, VisitBooking booking, TimeProvider clock, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new FieldErrors();
        var outcome = errors.Enum<VisitStatus>("outcome", request.Outcome);
        var result = errors.Text("result", request.Result, Visit.TextLength);
        var notes = errors.Text("notes", request.Notes, Visit.TextLength);
        var reason = errors.Text("reason", request.Reason, Visit.TextLength);
        var restored = errors.PastMoment("serviceRestoredAt", request.ServiceRestoredAt, now);
        if (outcome is not (null or VisitStatus.Arrived or VisitStatus.Done or VisitStatus.Missed))
        {
            errors.Add("outcome", "El reporte de una visita es arrived (llegada), done (realizada) o missed (no realizada).");
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

        if (await db.Visits.FirstOrDefaultAsync(v => v.Id == id && v.TicketId == ticket.Id, ct) is not { } visit)
        {
            return Problems.NotFound($"El folio «{folio}» no tiene la visita {id}.");
        }

        var actor = Actors.From(user);
        if (!VisitReports.MayReport(user, visit))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Solo el técnico asignado o el responsable técnico reportan esta visita.");
        }

        var refusal = VisitReports.Apply(visit, outcome!.Value, result, notes, reason, restored, now);
        if (refusal is not null)
        {
            return Problems.Conflict(refusal);
        }

        await booking.ReportAsync(ticket, visit, actor, now, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.StaleUpdate();
        }

        return TypedResults.Ok(VisitResponse.From(visit, ticket.Folio));
    }

    private static async Task<Results<Created<VisitResponse>, ValidationProblem, ProblemHttpResult>> BookAsync(string folio, long? replacing,
        VisitRequest request, VentanillaDbContext db, VisitBooking booking, TimeProvider clock, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new FieldErrors();
        var (technician, window) = await VisitInput.ReadAsync(db, request, booking.Zone, now, errors, ct);
        if (errors.Any || technician is null || window is null)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        var (ticket, problem) = await TicketChangesApi.LoadForChange(db, folio, http, ct);
        if (ticket is null)
        {
            return problem!;
        }

        Visit? old = null;
        if (replacing is { } id && (old = await db.Visits.FirstOrDefaultAsync(v => v.Id == id && v.TicketId == ticket.Id, ct)) is null)
        {
            return Problems.NotFound($"El folio «{folio}» no tiene la visita {id}.");
        }

        try
        {
            var (visit, violation) = await booking.BookAsync(ticket, technician, window, old, Actors.From(user), now, ct);
            return violation is not null
                ? Problems.From(violation)
                : TypedResults.Created($"/api/v1/tickets/{ticket.Folio}/visits", VisitResponse.From(visit!, ticket.Folio));
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.StaleUpdate();
        }
    }
}
