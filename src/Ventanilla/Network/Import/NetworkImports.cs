using Microsoft.EntityFrameworkCore;
using Ventanilla.Attachments;
using Ventanilla.Data;
using Ventanilla.Tickets;

namespace Ventanilla.Network.Import;

/// <summary>
/// Queues uploaded network files and reads them. An upload is kept in the file store and read by
/// <see cref="NetworkImportJob"/>, so a large file neither holds a request open nor is lost when the
/// node restarts; any node may read it, and a claim by conditional update lets only one do so.
/// </summary>
public sealed class NetworkImports(VentanillaDbContext db, AttachmentStore store, NodeImporter nodes, ServiceImporter services,
    TimeProvider clock, ILogger<NetworkImports> log)
{
    /// <summary>The largest file taken: ShapedDevices.csv for 100,000 circuits is about 15 MB.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    /// <summary>How long a claim holds without news from the node reading the file; each batch renews it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    /// <summary>Keeps the file and queues its run; null when the file is larger than <see cref="MaxFileBytes"/>.</summary>
    public async Task<ImportRun?> QueueAsync(ImportKind kind, string fileName, Stream content, ContractColumn? contract, Actor who,
        CancellationToken ct)
    {
        if (await store.SaveAsync(content, MaxFileBytes, ct) is not { } stored)
        {
            return null;
        }

        var run = ImportRun.Queue(kind, Path.GetFileName(fileName), stored.Sha256, stored.Size, contract, who, clock.GetUtcNow().UtcDateTime);
        db.ImportRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return run;
    }

    /// <summary>Claims and reads every run waiting, one after another; answers how many it read.</summary>
    public async Task<int> RunQueuedAsync(CancellationToken ct)
    {
        var read = 0;
        while (await ClaimNextAsync(ct) is { } id)
        {
            await RunAsync(id, ct);
            read++;
        }

        return read;
    }

    private async Task<long?> ClaimNextAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.ImportRuns.AsNoTracking()
            .Where(r => r.State == ImportState.Queued || (r.State == ImportState.Running && r.LeaseUntil < now))
            .OrderBy(r => r.Id).Select(r => r.Id).Take(10).ToListAsync(ct);
        foreach (var id in candidates)
        {
            // Whichever node's update finds the run still claimable takes it; the other's touches no row.
            var claimed = await db.ImportRuns
                .Where(r => r.Id == id && (r.State == ImportState.Queued || (r.State == ImportState.Running && r.LeaseUntil < now)))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.State, ImportState.Running)
                    .SetProperty(r => r.StartedAt, now)
                    .SetProperty(r => r.LeaseUntil, now + Lease), ct);
            if (claimed == 1)
            {
                return id;
            }
        }

        return null;
    }

    private async Task RunAsync(long id, CancellationToken ct)
    {
        var run = await db.ImportRuns.AsNoTracking().SingleAsync(r => r.Id == id, ct);
        var tally = new ImportTally();
        string? failure;
        try
        {
            failure = await ReadAsync(run, tally, ct);
        }
        catch (Exception error) when (!ct.IsCancellationRequested)
        {
            log.LogError(error, "The network import {Run} ({Kind}) failed", id, run.Kind);
            failure = store.Exists(run.FileSha256)
                ? "No se pudo terminar la importación por un error interno; ya quedó registrado. Lo que se guardó antes del error se conserva."
                : "El archivo subido ya no está en el almacén; súbelo de nuevo.";
        }

        db.ChangeTracker.Clear();
        var tracked = await db.ImportRuns.SingleAsync(r => r.Id == id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (failure is null)
        {
            tracked.Finish(tally, now);
        }
        else
        {
            tracked.Fail(failure, tally, now);
        }

        await db.SaveChangesAsync(ct);
    }

    // The reason the file as a whole could not be read, or null when its rows were applied.
    private async Task<string?> ReadAsync(ImportRun run, ImportTally tally, CancellationToken ct)
    {
        string text;
        await using (var file = store.OpenRead(run.FileSha256))
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            text = Csv.Decode(buffer.ToArray());
        }

        var now = clock.GetUtcNow().UtcDateTime;
        switch (run.Kind)
        {
            case ImportKind.NodesCsv or ImportKind.LibreQosNetwork:
                var nodeRows = run.Kind == ImportKind.NodesCsv ? CsvParsers.Nodes(text) : LibreQosParsers.Network(text);
                if (nodeRows.Failure is { } nodeFailure)
                {
                    return nodeFailure;
                }

                await ProgressAsync(run.Id, tally, ct);
                await nodes.ImportAsync(nodeRows.Rows, tally, now, ct);
                return null;
            default:
                var serviceRows = run.Kind == ImportKind.ServicesCsv
                    ? CsvParsers.Services(text)
                    : LibreQosParsers.ShapedDevices(text, run.ContractColumn ?? ContractColumn.CircuitId);
                if (serviceRows.Failure is { } serviceFailure)
                {
                    return serviceFailure;
                }

                tally.Total = serviceRows.Rows.Count;
                await ProgressAsync(run.Id, tally, ct);
                await services.ImportAsync(serviceRows.Rows, tally, t => ProgressAsync(run.Id, t, ct), now, ct);
                return null;
        }
    }

    // The figures so far, for the page that refreshes itself, and a renewed claim.
    private async Task ProgressAsync(long id, ImportTally t, CancellationToken ct)
    {
        var leaseUntil = clock.GetUtcNow().UtcDateTime + Lease;
        await db.ImportRuns.Where(r => r.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.RowsTotal, t.Total)
            .SetProperty(r => r.RowsRead, t.Read)
            .SetProperty(r => r.Created, t.Created)
            .SetProperty(r => r.Updated, t.Updated)
            .SetProperty(r => r.Unchanged, t.Unchanged)
            .SetProperty(r => r.Refused, t.Refusals.Count)
            .SetProperty(r => r.Unmatched, t.Unmatched)
            .SetProperty(r => r.LeaseUntil, leaseUntil), ct);
    }
}
