using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Staff;
using Ventanilla.Web;
using Ventanilla.Web.Idempotency;

namespace Ventanilla.Tickets;

/// <summary>The changes people make to a ticket after intake, each written on its timeline.</summary>
public static class TicketChangesApi
{
    public static void MapTicketChanges(this RouteGroupBuilder group)
    {
        group.MapPost("/{folio}/notes", AddNote).RequireAuthorization(Rights.WorkTickets).WithIdempotency();
        group.MapPost("/{folio}/status", ChangeStatus).RequireAuthorization(Rights.WorkTickets);
        group.MapPost("/{folio}/resolution", RecordResolution).RequireAuthorization(Rights.ResolveTickets);
        group.MapPost("/{folio}/assignment", TicketOwnershipApi.Assign).RequireAuthorization(Rights.AssignTickets);
        group.MapPost("/{folio}/subscriber", TicketOwnershipApi.LinkSubscriber).RequireAuthorization(Rights.WorkTickets);
    }

    public static async Task<Results<Ok<TicketResponse>, ValidationProblem, ProblemHttpResult>> AddNote(
        string folio, NoteRequest request, VentanillaDbContext db, TimeProvider clock, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var text = errors.Text("text", request.Text, TicketLimits.Note, required: true);
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        if (await Load(db, folio, ct) is not { } ticket)
        {
            return Problems.NotFound($"No existe el folio «{folio}».");
        }

        ticket.AddNote(text!, Actors.From(user), clock.GetUtcNow().UtcDateTime);
        return await Saved(db, ticket, http, ct);
    }

    public static async Task<Results<Ok<TicketResponse>, ValidationProblem, ProblemHttpResult>> ChangeStatus(
        string folio, StatusRequest request, VentanillaDbContext db, TimeProvider clock, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (StatusChangeInput.Read(request, errors) is not { } change)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        var (ticket, problem) = await LoadForChange(db, folio, http, ct);
        if (ticket is null)
        {
            return problem!;
        }

        if (!await StatusChangeInput.CheckAsync(db, ticket, change, errors, ct))
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        if (ticket.ChangeStatus(change, Actors.From(user), clock.GetUtcNow().UtcDateTime) is { } violation)
        {
            return Problems.From(violation);
        }

        return await Saved(db, ticket, http, ct);
    }

    public static async Task<Results<Ok<TicketResponse>, ValidationProblem, ProblemHttpResult>> RecordResolution(
        string folio, ResolutionRequest request, VentanillaDbContext db, TimeProvider clock, ClaimsPrincipal user, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var cause = request.CauseId is { } causeId
            ? await Tickets.Causes.CauseCatalogue.NameAsync(db, causeId, errors, ct)
            : errors.Text("cause", request.Cause, TicketLimits.ResolutionText, required: true);
        var correction = errors.Text("correction", request.Correction, TicketLimits.ResolutionText, required: true);
        if (request.Upheld is null)
        {
            errors.Add("upheld", "Indica si el reporte es procedente (true) o improcedente (false).");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var restoredAt = errors.PastMoment("serviceRestoredAt", request.ServiceRestoredAt, now);

        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        var (ticket, problem) = await LoadForChange(db, folio, http, ct);
        if (ticket is null)
        {
            return problem!;
        }

        var violation = ticket.RecordResolution(cause!, correction!, request.Upheld!.Value,
            restoredAt, Actors.From(user), now);
        return violation is null ? await Saved(db, ticket, http, ct) : Problems.From(violation);
    }

    internal static async Task<Ticket?> Load(VentanillaDbContext db, string folio, CancellationToken ct)
    {
        if (!Folio.TryParse(folio, out var parsed))
        {
            return null;
        }

        var text = parsed.Value.ToString();
        return await db.Tickets.Include(t => t.Area).Include(t => t.Subscriber).FirstOrDefaultAsync(t => t.Folio == text, ct);
    }

    /// <summary>The ticket to change, or why not: it does not exist, or the client saw an older version.</summary>
    internal static async Task<(Ticket? Ticket, ProblemHttpResult? Problem)> LoadForChange(
        VentanillaDbContext db, string folio, HttpContext http, CancellationToken ct)
    {
        if (await Load(db, folio, ct) is not { } ticket)
        {
            return (null, Problems.NotFound($"No existe el folio «{folio}»."));
        }

        return Versions.IsStale(http.Request, ticket.Version) ? (null, Problems.StaleUpdate()) : (ticket, null);
    }

    /// <summary>Saves; a concurrent change in between makes the save fail with 409 instead of overwriting it.</summary>
    internal static async Task<Results<Ok<TicketResponse>, ValidationProblem, ProblemHttpResult>> Saved(
        VentanillaDbContext db, Ticket ticket, HttpContext http, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.StaleUpdate();
        }

        http.Response.Headers.ETag = Versions.ETag(ticket.Version);
        return TypedResults.Ok(TicketResponse.From(ticket, withTimeline: false));
    }
}
