using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Staff;
using Ventanilla.Tickets;
using Ventanilla.Web;
using Ventanilla.Web.Idempotency;

namespace Ventanilla.Network.Outages;

/// <summary>Outages for integrators: list and read them, declare one, and move it through its procedure.</summary>
public static class OutagesApi
{
    public static void MapOutagesApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/outages").WithTags("Outages").RequireAuthorization(Rights.ReadOutages);
        group.MapGet("/", ListAsync);
        group.MapGet("/{id:long}", GetAsync);
        group.MapPost("/", DeclareAsync).RequireAuthorization(Rights.ManageOutages).WithIdempotency();
        group.MapPost("/{id:long}/confirm", (long id, OutageNoteRequest? r, ChangeContext c) =>
            c.ChangeAsync(id, r?.Version, (o, a, now) => o.Confirm(a, now))).RequireAuthorization(Rights.ManageOutages);
        group.MapPost("/{id:long}/dismiss", DismissAsync).RequireAuthorization(Rights.ManageOutages);
        group.MapPost("/{id:long}/status", StatusAsync).RequireAuthorization(Rights.ManageOutages);
        group.MapPost("/{id:long}/estimate", (long id, OutageEstimateRequest r, ChangeContext c) =>
            c.ChangeAsync(id, r.Version, (o, a, now) => o.Estimate(Utc(r.EstimatedRestorationAt), a, now))).RequireAuthorization(Rights.ManageOutages);
        group.MapPost("/{id:long}/cause", CauseAsync).RequireAuthorization(Rights.ManageOutages);
        group.MapPost("/{id:long}/nodes", NodesAsync).RequireAuthorization(Rights.ManageOutages);
        group.MapPost("/{id:long}/restore", RestoreAsync).RequireAuthorization(Rights.ManageOutages);
        group.MapPost("/{id:long}/close", (long id, OutageNoteRequest? r, ChangeContext c) =>
            c.ChangeAsync(id, r?.Version, (o, a, now) => o.Close(Clean(r?.Note), a, now))).RequireAuthorization(Rights.ManageOutages);
    }

    public static async Task<Ok<OutageResponse[]>> ListAsync(VentanillaDbContext db, string? status, CancellationToken ct)
    {
        var query = db.Outages.AsNoTracking().Include(o => o.Nodes).AsQueryable();
        if (Wire.TryParse<OutageStatus>(status, out var wanted))
        {
            query = query.Where(o => o.Status == wanted.Value);
        }

        var outages = await query.OrderByDescending(o => o.Id).Take(100).ToListAsync(ct);
        var nodes = await OutageQueries.NodesOfAsync(db, outages, ct);
        var list = new List<OutageResponse>();
        foreach (var o in outages)
        {
            list.Add(OutageResponse.From(o, nodes, await OutageQueries.LinkedReportsAsync(db, o.Id, ct), await OutageQueries.ActiveServicesAsync(db, o, ct), false));
        }

        return TypedResults.Ok(list.ToArray());
    }

    public static async Task<Results<Ok<OutageResponse>, ProblemHttpResult>> GetAsync(long id, VentanillaDbContext db, CancellationToken ct) =>
        await OutageQueries.LoadAsync(db, id, ct) is { } outage
            ? TypedResults.Ok(await RespondAsync(db, outage, ct))
            : Problems.NotFound($"No existe la falla {id}.");

    public static async Task<Results<Created<OutageResponse>, ValidationProblem>> DeclareAsync(DeclareOutageRequest request, VentanillaDbContext db,
        TimeProvider clock, ClaimsPrincipal user, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new FieldErrors();
        var kind = errors.Enum<OutageKind>("kind", request.Kind);
        var title = errors.Text("title", request.Title, Outage.TitleLength, required: true);
        var (nodes, unknown) = await OutageQueries.NodesByCodeAsync(db, request.Nodes ?? [], ct);
        OutageDesk.CheckDeclaration(errors, kind, nodes.Count, unknown, Utc(request.StartedAt), Utc(request.EstimatedRestorationAt), now);
        if (errors.Any)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        var draft = new OutageDraft(kind!.Value, title!, nodes, Utc(request.StartedAt), now, Utc(request.EstimatedRestorationAt));
        var outage = Outage.Declare(draft, OutageSource.Staff, Actors.From(user), now);
        db.Outages.Add(outage);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/outages/{outage.Id}", await RespondAsync(db, outage, ct));
    }

    public static async Task<Results<Ok<OutageResponse>, ValidationProblem, ProblemHttpResult>> DismissAsync(long id, OutageNoteRequest request,
        ChangeContext c)
    {
        var errors = new FieldErrors();
        var reason = errors.Text("note", request.Note, Outage.TextLength, required: true);
        return errors.Any ? Problems.Invalid(errors.ToDictionary()) : Widen(await c.ChangeAsync(id, request.Version, (o, a, now) => o.Dismiss(reason!, a, now)));
    }

    public static async Task<Results<Ok<OutageResponse>, ValidationProblem, ProblemHttpResult>> StatusAsync(long id, OutageStatusRequest request,
        ChangeContext c)
    {
        var errors = new FieldErrors();
        var to = errors.Enum<OutageStatus>("status", request.Status);
        var note = errors.Text("note", request.Note, Outage.TextLength);
        return errors.Any ? Problems.Invalid(errors.ToDictionary()) : Widen(await c.ChangeAsync(id, request.Version, (o, a, now) => o.Advance(to!.Value, note, a, now)));
    }

    public static async Task<Results<Ok<OutageResponse>, ValidationProblem, ProblemHttpResult>> CauseAsync(long id, OutageCauseRequest request,
        ChangeContext c)
    {
        var errors = new FieldErrors();
        var cause = errors.Text("cause", request.Cause, Outage.TextLength, required: true);
        var evidence = errors.Text("evidence", request.Evidence, Outage.TextLength);
        if (!Attribution.TryParse(request.Attributable, out var attributable))
        {
            errors.Add("attributable", "Vale yes (imputable al proveedor), no (caso fortuito o fuerza mayor) o undetermined.");
        }

        return errors.Any
            ? Problems.Invalid(errors.ToDictionary())
            : Widen(await c.ChangeAsync(id, request.Version, (o, a, now) => o.RecordCause(cause!, attributable, evidence, a, now)));
    }

    public static async Task<Results<Ok<OutageResponse>, ValidationProblem, ProblemHttpResult>> NodesAsync(long id, OutageNodesRequest request,
        ChangeContext c, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (nodes, unknown) = await OutageQueries.NodesByCodeAsync(c.Db, request.Nodes ?? [], ct);
        OutageDesk.CheckNodes(errors, nodes.Count, unknown);
        return errors.Any ? Problems.Invalid(errors.ToDictionary()) : Widen(await c.ChangeAsync(id, request.Version, (o, a, now) => o.Cover(nodes, a, now)));
    }

    public static async Task<Results<Ok<OutageResponse>, ValidationProblem, ProblemHttpResult>> RestoreAsync(long id, OutageRestoreRequest request,
        ChangeContext c)
    {
        var errors = new FieldErrors();
        var note = errors.Text("note", request.Note, Outage.TextLength);
        // The restoration time is when service came back, not when someone typed it: default now.
        return errors.Any
            ? Problems.Invalid(errors.ToDictionary())
            : Widen(await c.ChangeAsync(id, request.Version, (o, a, now) => o.Restore(Utc(request.RestoredAt) ?? now, note, a, now)));
    }

    internal static async Task<OutageResponse> RespondAsync(VentanillaDbContext db, Outage outage, CancellationToken ct) =>
        OutageResponse.From(outage, await OutageQueries.NodesOfAsync(db, [outage], ct), await OutageQueries.LinkedReportsAsync(db, outage.Id, ct),
            await OutageQueries.ActiveServicesAsync(db, outage, ct), true);

    internal static DateTime? Utc(DateTime? moment) => moment switch
    {
        null => null,
        { Kind: DateTimeKind.Unspecified } m => DateTime.SpecifyKind(m, DateTimeKind.Utc),
        { } m => m.ToUniversalTime(),
    };

    private static string? Clean(string? text) => Text.Clean(Text.Readable(text)) is { Length: > Outage.TextLength } long_ ? long_[..Outage.TextLength] : Text.Clean(Text.Readable(text));

    private static Results<Ok<OutageResponse>, ValidationProblem, ProblemHttpResult> Widen(Results<Ok<OutageResponse>, ProblemHttpResult> result) =>
        result.Result switch
        {
            Ok<OutageResponse> ok => ok,
            ProblemHttpResult problem => problem,
            _ => throw new InvalidOperationException("Unexpected result."),
        };
}

/// <summary>One change to one outage from the API: loaded, checked against the version the caller read, applied by the entity's rule, saved.</summary>
public sealed class ChangeContext(VentanillaDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    public VentanillaDbContext Db => db;

    public async Task<Results<Ok<OutageResponse>, ProblemHttpResult>> ChangeAsync(long id, int? version, Func<Outage, Actor, DateTime, OutageRefusal?> change)
    {
        var ct = http.HttpContext?.RequestAborted ?? CancellationToken.None;
        if (await OutageQueries.LoadAsync(db, id, ct) is not { } outage)
        {
            return Problems.NotFound($"No existe la falla {id}.");
        }

        if (version is { } seen && seen != outage.Version)
        {
            return Problems.StaleUpdate();
        }

        var actor = Actors.From(http.HttpContext!.User);
        if (change(outage, actor, clock.GetUtcNow().UtcDateTime) is { } refusal)
        {
            return Problems.Conflict(refusal.Message);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.StaleUpdate();
        }

        return TypedResults.Ok(await OutagesApi.RespondAsync(db, outage, ct));
    }
}
