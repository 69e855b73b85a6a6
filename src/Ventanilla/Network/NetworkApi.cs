using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Network.Import;
using Ventanilla.Staff;
using Ventanilla.Web;

namespace Ventanilla.Network;

/// <summary>The tree as integrators read it, and imports they push (from a billing system or LibreQoS's host).</summary>
public static class NetworkApi
{
    public static RouteGroupBuilder MapNetworkApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/network").WithTags("Network").RequireAuthorization(Rights.ManageNetwork);
        group.MapGet("/nodes", ListNodes);
        // API keys, never cookies, reach /api/v1: there is no browser session to forge a form for.
        group.MapPost("/imports", QueueImport).DisableAntiforgery();
        group.MapGet("/imports/{id:long}", GetImport);
        return group;
    }

    public static async Task<Ok<NodeResponse[]>> ListNodes(VentanillaDbContext db, CancellationToken ct)
    {
        var nodes = await db.NetworkNodes.AsNoTracking().OrderBy(n => n.Path).ToListAsync(ct);
        var codes = nodes.ToDictionary(n => n.Id, n => n.Code);
        return TypedResults.Ok(nodes.Select(n => NodeResponse.From(n, n.ParentId is { } p ? codes[p] : null)).ToArray());
    }

    // The form is read here rather than bound: a bound form makes routing answer 415 to any other
    // body before authorization, so a role without the right would learn about content types first.
    public static async Task<Results<Accepted<ImportRunResponse>, ValidationProblem>> QueueImport(
        NetworkImports imports, NetworkImportJob job, HttpContext http, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(ct) : null;
        var file = form?.Files.GetFile("file");
        var kind = form?["kind"].ToString();
        var contractColumn = form?["contractColumn"].ToString() is { Length: > 0 } chosen ? chosen : null;
        if (!Wire.TryParse<ImportKind>(kind, out var parsedKind))
        {
            errors.Add("kind", "Indica el tipo de archivo: nodes_csv, services_csv, libre_qos_network o libre_qos_shaped_devices.");
        }

        ContractColumn? contract = null;
        if (contractColumn is not null)
        {
            if (Wire.TryParse<ContractColumn>(contractColumn, out var column))
            {
                contract = column;
            }
            else
            {
                errors.Add("contractColumn", "La columna del contrato es circuit_id, circuit_name o comment.");
            }
        }

        if (file is null || file.Length == 0)
        {
            errors.Add("file", "Falta el archivo (campo file del formulario multipart).");
        }

        if (errors.Any || parsedKind is null || file is null)
        {
            return Problems.Invalid(errors.ToDictionary());
        }

        await using var content = file.OpenReadStream();
        var run = await imports.QueueAsync(parsedKind.Value, file.FileName, content, contract, Actors.From(http.User), ct);
        if (run is null)
        {
            errors.Add("file", $"El archivo pasa de {NetworkImports.MaxFileBytes / 1024 / 1024} MB.");
            return Problems.Invalid(errors.ToDictionary());
        }

        job.Wake();
        return TypedResults.Accepted($"/api/v1/network/imports/{run.Id}", ImportRunResponse.From(run));
    }

    public static async Task<Results<Ok<ImportRunResponse>, ProblemHttpResult>> GetImport(long id, VentanillaDbContext db, CancellationToken ct)
    {
        var run = await db.ImportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return run is null ? Problems.NotFound($"No existe la importación {id}.") : TypedResults.Ok(ImportRunResponse.From(run));
    }
}

public sealed record NodeResponse(long Id, string Code, string Name, string? Kind, string? ParentCode, string Path, int Depth,
    string[] PostalCodes, string[] Neighborhoods)
{
    public static NodeResponse From(NetworkNode n, string? parentCode) => new(n.Id, n.Code, n.Name, n.Kind, parentCode, n.Path, n.Depth,
        n.PostalCodes?.Split(',') ?? [], n.Neighborhoods?.Split(';') ?? []);
}

public sealed record ImportRunResponse(long Id, string Kind, string State, string FileName, string? ContractColumn, string RequestedBy,
    DateTime CreatedAt, DateTime? StartedAt, DateTime? FinishedAt, int? RowsTotal, int RowsRead, int Created, int Updated, int Unchanged,
    int Refused, int Unmatched, string? Failure, IReadOnlyList<ImportRefusal> Refusals)
{
    public static ImportRunResponse From(ImportRun r) => new(r.Id, Wire.Name(r.Kind), Wire.Name(r.State), r.FileName,
        r.ContractColumn is { } c ? Wire.Name(c) : null, r.RequestedByName, r.CreatedAt, r.StartedAt, r.FinishedAt, r.RowsTotal, r.RowsRead,
        r.Created, r.Updated, r.Unchanged, r.Refused, r.Unmatched, r.Failure, ImportRefusals.FromJson(r.RefusalsJson));
}
