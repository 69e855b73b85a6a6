using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Intake;
using Ventanilla.Staff;
using Ventanilla.Subscribers;
using Ventanilla.Web;
using Ventanilla.Web.Idempotency;

namespace Ventanilla.Tickets;

public static class TicketsApi
{
    public static RouteGroupBuilder MapTickets(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tickets").WithTags("Tickets").RequireAuthorization(Rights.ReadTickets);
        group.MapPost("/", CreateTicket).RequireAuthorization(Rights.WorkTickets).WithIdempotency(IdempotentWrites.OwnWrites);
        group.MapGet("/", ListTickets);
        group.MapGet("/{folio}", GetTicket);
        group.MapTicketChanges();
        return group;
    }

    // A request with an Idempotency-Key files once: a retry after a crash that lost the stored
    // answer finds the ticket by its source key and answers with it.
    public static Task<Results<Created<TicketResponse>, ValidationProblem>> CreateTicket(
        CreateTicketRequest request, VentanillaDbContext db, TicketIntake intake,
        TimeProvider clock, ClaimsPrincipal user, HttpContext http, CancellationToken ct) =>
        CreateTicketFrom(request, db, intake, clock, user, IdempotencyKeys.SourceKeyOf(http), ct);

    /// <param name="sourceKey">
    /// What makes a retried request file once (<see cref="SourceKeys.Api"/>, from the client's
    /// Idempotency-Key); the same key answers with the ticket it filed. Null files every request.
    /// </param>
    public static async Task<Results<Created<TicketResponse>, ValidationProblem>> CreateTicketFrom(
        CreateTicketRequest request, VentanillaDbContext db, TicketIntake intake,
        TimeProvider clock, ClaimsPrincipal user, string? sourceKey, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new FieldErrors();
        if (TicketValidation.Check(request, now, errors) is not { } report)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        var contact = report.Contact;
        var subscriber = await SubscriberMatcher.FindAsync(db, contact.AccountNumber, contact.Phone, contact.Email, ct);
        TicketValidation.CheckReachable(contact, subscriber, errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        var subject = IntakeSubject.Of(report.Subject, report.Description);
        var filed = await intake.RegisterAsync(new IntakeRequest(
            new NewTicket(report.Kind, report.Channel, subject, report.Description, report.Address, contact, report.Priority, report.ReportedAt ?? now),
            subscriber?.Id, Actors.From(user), sourceKey));
        var ticket = filed.Ticket;
        return TypedResults.Created($"/api/v1/tickets/{ticket.Folio}", TicketResponse.From(ticket, withTimeline: true));
    }

    public static async Task<Results<Ok<TicketResponse>, ProblemHttpResult>> GetTicket(
        string folio, VentanillaDbContext db, HttpContext http, CancellationToken ct)
    {
        if (!Folio.TryParse(folio, out var parsed))
        {
            return Problems.NotFound($"No existe el folio «{folio}».");
        }

        var text = parsed.Value.ToString();
        var ticket = await db.Tickets.AsNoTracking().AsSplitQuery()
            .Include(t => t.Area).Include(t => t.Subscriber).Include(t => t.Timeline)
            .FirstOrDefaultAsync(t => t.Folio == text, ct);
        if (ticket is null)
        {
            return Problems.NotFound($"No existe el folio «{text}».");
        }

        http.Response.Headers.ETag = Versions.ETag(ticket.Version);
        return TypedResults.Ok(TicketResponse.From(ticket, withTimeline: true));
    }

    public static async Task<Results<Ok<TicketPage>, ValidationProblem>> ListTickets(
        VentanillaDbContext db, CancellationToken ct,
        string? status = null, string? kind = null, string? channel = null, string? area = null,
        string? q = null, int page = 1, int pageSize = 25)
    {
        var errors = new FieldErrors();
        var byStatus = errors.Enum<TicketStatus>("status", status, required: false);
        var byKind = errors.Enum<TicketKind>("kind", kind, required: false);
        var byChannel = errors.Enum<ContactChannel>("channel", channel, required: false);
        errors.Paging(page, pageSize);

        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        var tickets = string.IsNullOrWhiteSpace(q) ? db.Tickets : await TicketSearch.MatchingAsync(db, q.Trim(), ct);
        if (byStatus is { } s)
        {
            tickets = tickets.Where(t => t.Status == s);
        }

        if (byKind is { } k)
        {
            tickets = tickets.Where(t => t.Kind == k);
        }

        if (byChannel is { } c)
        {
            tickets = tickets.Where(t => t.Channel == c);
        }

        if (!string.IsNullOrWhiteSpace(area))
        {
            var code = area.Trim();
            tickets = tickets.Where(t => t.Area != null && t.Area.Code == code);
        }

        // Ids grow with the folio, so the key order is the order of filing, newest first.
        var rows = await tickets.AsNoTracking().OrderByDescending(t => t.Id)
            .Skip((page - 1) * pageSize).Take(pageSize + 1)
            .Select(t => new TicketSummary(t.Folio, t.Kind, t.Channel, t.Status, t.Priority, t.Subject,
                t.Subscriber != null ? t.Subscriber.FullName : t.Contact.Name,
                t.Area != null ? t.Area.Code : null, t.ReportedAt, t.LastActivityAt))
            .ToListAsync(ct);
        return TypedResults.Ok(new TicketPage(rows.Take(pageSize).ToArray(), page, pageSize, rows.Count > pageSize));
    }
}
