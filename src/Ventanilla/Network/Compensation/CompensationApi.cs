using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Provider;
using Ventanilla.Staff;
using Ventanilla.Web;

namespace Ventanilla.Network.Compensation;

/// <summary>The ledger for the billing system: list, approve or reject, mark applied, export.</summary>
public static class CompensationApi
{
    public static RouteGroupBuilder MapCompensationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/compensation").WithTags("Compensation").RequireAuthorization(Rights.ReadCompensation);
        group.MapGet("/lines", ListLines);
        group.MapGet("/lines/{id:long}", GetLine);
        group.MapPost("/lines/{id:long}/approve", ApproveLine).RequireAuthorization(Rights.ApproveCompensation);
        group.MapPost("/lines/{id:long}/reject", RejectLine).RequireAuthorization(Rights.ApproveCompensation);
        group.MapPost("/lines/{id:long}/applied", MarkApplied);
        // The CSV body is read as text whatever its declared type: a content-type constraint here would
        // answer 415 before the role check, and billing systems label CSV in many ways.
        group.MapPost("/applied-import", ImportApplied);
        group.MapGet("/export.csv", ExportCsv);
        group.MapGet("/export.xlsx", ExportXlsx);
        return group;
    }

    public static async Task<Results<Ok<List<CompensationLineResponse>>, ValidationProblem>> ListLines(
        string? state, string? cutoff, string? outage, bool? overdue, VentanillaDbContext db, ProviderDirectory provider, TimeProvider clock,
        CancellationToken ct)
    {
        if (ParseFilter(state, cutoff, outage, overdue) is not { } filter)
        {
            return Problems.Invalid(new Dictionary<string, string[]>
            {
                ["query"] = [$"state es uno de {Wire.Choices<CompensationState>()}; cutoff, una fecha AAAA-MM-DD; outage, FM-000042 o su número."],
            });
        }

        var lines = db.Filtered(filter, Today(provider, clock)).OrderBy(l => l.ApplyBy).ThenBy(l => l.Id).Take(5000);
        var rows = await db.WithReferencesAsync(lines, ct);
        return TypedResults.Ok(rows.Select(r => CompensationLineResponse.Of(r.Line, r.Reference)).ToList());
    }

    public static async Task<Results<Ok<CompensationLineResponse>, ProblemHttpResult>> GetLine(long id, VentanillaDbContext db, CancellationToken ct)
    {
        var rows = await db.WithReferencesAsync(db.CompensationLines.AsNoTracking().Where(l => l.Id == id), ct);
        return rows.Count == 0 ? Problems.NotFound($"No existe la línea de bonificación {id}.")
            : TypedResults.Ok(CompensationLineResponse.Of(rows[0].Line, rows[0].Reference));
    }

    public static async Task<Results<Ok<CompensationLineResponse>, ProblemHttpResult>> ApproveLine(
        long id, VentanillaDbContext db, CompensationApprovals approvals, HttpContext http, CancellationToken ct)
    {
        var line = await db.CompensationLines.FirstOrDefaultAsync(l => l.Id == id, ct);
        if (line is null)
        {
            return Problems.NotFound($"No existe la línea de bonificación {id}.");
        }

        var actor = Actors.From(http.User);
        if (await approvals.ApproveAsync(line, actor.Id, actor.Name, ct) is { } refusal)
        {
            return Problems.Conflict(refusal.Message);
        }

        return await SaveAsync(db, line, ct);
    }

    public static async Task<Results<Ok<CompensationLineResponse>, ProblemHttpResult>> RejectLine(
        long id, RejectRequest request, VentanillaDbContext db, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var line = await db.CompensationLines.FirstOrDefaultAsync(l => l.Id == id, ct);
        if (line is null)
        {
            return Problems.NotFound($"No existe la línea de bonificación {id}.");
        }

        var actor = Actors.From(http.User);
        if (line.Reject(request.Reason ?? "", actor.Id, actor.Name, clock.GetUtcNow().UtcDateTime) is { } refusal)
        {
            return Problems.Conflict(refusal.Message);
        }

        return await SaveAsync(db, line, ct);
    }

    /// <summary>Idempotent: the same reference twice answers the applied line both times.</summary>
    public static async Task<Results<Ok<CompensationLineResponse>, ProblemHttpResult>> MarkApplied(
        long id, AppliedRequest request, VentanillaDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var line = await db.CompensationLines.FirstOrDefaultAsync(l => l.Id == id, ct);
        if (line is null)
        {
            return Problems.NotFound($"No existe la línea de bonificación {id}.");
        }

        if (line.MarkApplied(request.Reference ?? "", clock.GetUtcNow().UtcDateTime) is { } refusal)
        {
            return Problems.Conflict(refusal.Message);
        }

        return await SaveAsync(db, line, ct);
    }

    /// <summary>The billing system's answer as CSV, one line per row: <c>linea,referencia</c> (a header row is skipped).</summary>
    public static async Task<Ok<AppliedImportResponse>> ImportApplied(HttpRequest request, VentanillaDbContext db, TimeProvider clock, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(ct);
        return TypedResults.Ok(await AppliedImport.RunAsync(db, text, clock.GetUtcNow().UtcDateTime, ct));
    }

    public static async Task<IResult> ExportCsv(string? state, string? cutoff, string? outage, bool? overdue, VentanillaDbContext db,
        ProviderDirectory provider, TimeProvider clock, CancellationToken ct)
    {
        var filter = ParseFilter(state ?? "approved", cutoff, outage, overdue) ?? new LineFilter(CompensationState.Approved);
        var rows = await db.WithReferencesAsync(db.Filtered(filter, Today(provider, clock)).OrderBy(l => l.Id), ct);
        var csv = CompensationExport.Csv(rows, provider.Current.Zone);
        return TypedResults.File(csv, "text/csv; charset=utf-8", "bonificaciones.csv");
    }

    public static async Task<IResult> ExportXlsx(string? state, string? cutoff, string? outage, bool? overdue, VentanillaDbContext db,
        ProviderDirectory provider, TimeProvider clock, CancellationToken ct)
    {
        var filter = ParseFilter(state ?? "approved", cutoff, outage, overdue) ?? new LineFilter(CompensationState.Approved);
        var rows = await db.WithReferencesAsync(db.Filtered(filter, Today(provider, clock)).OrderBy(l => l.Id), ct);
        return TypedResults.Stream(async stream =>
            {
                // The workbook's zip writer ends with synchronous writes, which the server refuses on the
                // response itself; this buffer takes them, spilling to a temporary file past 32 KB.
                await using var buffer = new FileBufferingWriteStream();
                await CompensationWorkbook.WriteAsync(buffer, rows, provider.Current.Zone, ct);
                await buffer.DrainBufferAsync(stream, ct);
            },
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "bonificaciones.xlsx");
    }

    internal static LineFilter? ParseFilter(string? state, string? cutoff, string? outage, bool? overdue)
    {
        CompensationState? parsedState = null;
        if (!string.IsNullOrEmpty(state))
        {
            if (!Wire.TryParse<CompensationState>(state, out var s))
            {
                return null;
            }

            parsedState = s;
        }

        DateOnly? day = null;
        if (!string.IsNullOrEmpty(cutoff))
        {
            if (!DateOnly.TryParseExact(cutoff, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return null;
            }

            day = d;
        }

        long? outageId = null;
        if (!string.IsNullOrEmpty(outage) && (outageId = CompensationQueries.OutageIdOf(outage)) is null)
        {
            return null;
        }

        return new LineFilter(parsedState, day, outageId, overdue == true);
    }

    internal static DateOnly Today(ProviderDirectory provider, TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, provider.Current.Zone));

    private static async Task<Results<Ok<CompensationLineResponse>, ProblemHttpResult>> SaveAsync(
        VentanillaDbContext db, CompensationLine line, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problems.StaleUpdate();
        }

        var rows = await db.WithReferencesAsync(db.CompensationLines.AsNoTracking().Where(l => l.Id == line.Id), ct);
        return TypedResults.Ok(CompensationLineResponse.Of(rows[0].Line, rows[0].Reference));
    }
}
