using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Staff;
using Ventanilla.Tickets;
using Ventanilla.Web;
using Ventanilla.Web.Idempotency;

namespace Ventanilla.Subscribers;

public static class SubscribersApi
{
    public static RouteGroupBuilder MapSubscribers(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/subscribers").WithTags("Subscribers").RequireAuthorization(Rights.ReadSubscribers);
        group.MapPost("/", CreateSubscriber).RequireAuthorization(Rights.EditSubscribers).WithIdempotency();
        group.MapGet("/", SearchSubscribers);
        group.MapGet("/{id:long}", GetSubscriber);
        group.MapPut("/{id:long}", UpdateSubscriber).RequireAuthorization(Rights.EditSubscribers);
        return group;
    }

    public static async Task<Results<Created<SubscriberResponse>, ValidationProblem, ProblemHttpResult>> CreateSubscriber(
        SubscriberRequest request, VentanillaDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (SubscriberValidation.Check(request, errors) is not { } details)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        if (await AccountTaken(db, details.AccountNumber, null, ct))
        {
            return AccountConflict(details.AccountNumber!);
        }

        var subscriber = Subscriber.Create(details, clock.GetUtcNow().UtcDateTime);
        db.Subscribers.Add(subscriber);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/subscribers/{subscriber.Id}", SubscriberResponse.From(subscriber));
    }

    public static async Task<Results<Ok<SubscriberResponse>, ProblemHttpResult>> GetSubscriber(
        long id, VentanillaDbContext db, HttpContext http, CancellationToken ct)
    {
        var subscriber = await db.Subscribers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (subscriber is null)
        {
            return Problems.NotFound($"No existe el suscriptor {id}.");
        }

        http.Response.Headers.ETag = Versions.ETag(subscriber.Version);
        return TypedResults.Ok(SubscriberResponse.From(subscriber));
    }

    public static async Task<Results<Ok<SubscriberResponse>, ValidationProblem, ProblemHttpResult>> UpdateSubscriber(
        long id, SubscriberRequest request, VentanillaDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (SubscriberValidation.Check(request, errors) is not { } details)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        var subscriber = await db.Subscribers.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (subscriber is null)
        {
            return Problems.NotFound($"No existe el suscriptor {id}.");
        }

        if (Versions.IsStale(http.Request, subscriber.Version))
        {
            return Problems.StaleUpdate();
        }

        if (await AccountTaken(db, details.AccountNumber, id, ct))
        {
            return AccountConflict(details.AccountNumber!);
        }

        var terms = subscriber.SearchTerms().ToList();
        subscriber.Update(details, clock.GetUtcNow().UtcDateTime);
        await TicketSearch.RefreshForAsync(db, subscriber, terms, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.StaleUpdate();
        }

        http.Response.Headers.ETag = Versions.ETag(subscriber.Version);
        return TypedResults.Ok(SubscriberResponse.From(subscriber));
    }

    /// <summary>Finds subscribers by contract number, phone, email or a piece of the name.</summary>
    public static async Task<Results<Ok<SubscriberPage>, ValidationProblem>> SearchSubscribers(
        VentanillaDbContext db, CancellationToken ct, string? q = null, int page = 1, int pageSize = 25)
    {
        var errors = new FieldErrors();
        errors.Paging(page, pageSize);
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        var subscribers = SubscriberSearch.Matching(db.Subscribers.AsNoTracking(), q);
        var rows = await subscribers.OrderBy(s => s.FullName).ThenBy(s => s.Id)
            .Skip((page - 1) * pageSize).Take(pageSize + 1).ToListAsync(ct);
        return TypedResults.Ok(new SubscriberPage(
            rows.Take(pageSize).Select(SubscriberResponse.From).ToArray(), page, pageSize, rows.Count > pageSize));
    }

    internal static Task<bool> AccountTaken(VentanillaDbContext db, string? account, long? except, CancellationToken ct) =>
        account is null ? Task.FromResult(false) : db.Subscribers.AnyAsync(s => s.AccountNumber == account && s.Id != except, ct);

    private static ProblemHttpResult AccountConflict(string account) =>
        Problems.Conflict($"Ya existe un suscriptor con el contrato «{account}».", "Búscalo y actualízalo en lugar de crear otro.");
}
