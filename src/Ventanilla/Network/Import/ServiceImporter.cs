using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Subscribers.Services;

namespace Ventanilla.Network.Import;

/// <summary>
/// Makes the stored services say what a file of services says, in batches: the nodes and the
/// subscribers' contract numbers are read once into memory, each batch reads only its own services,
/// writes, and forgets them, so a file of 100,000 services is read in seconds and memory stays flat.
/// </summary>
public sealed class ServiceImporter(VentanillaDbContext db)
{
    public const int BatchSize = 2000;

    /// <param name="progress">Called after each batch is written, with the figures so far.</param>
    public async Task ImportAsync(IReadOnlyList<ServiceRow> rows, ImportTally tally, Func<ImportTally, Task> progress, DateTime now,
        CancellationToken ct)
    {
        tally.Total = rows.Count;
        var nodes = await db.NetworkNodes.AsNoTracking().Select(n => new { n.Code, n.Id }).ToDictionaryAsync(n => n.Code, n => n.Id, StringComparer.Ordinal, ct);
        var subscribers = (await db.Subscribers.AsNoTracking().Where(s => s.AccountNumber != null)
                .Select(s => new { s.AccountNumber, s.Id }).ToListAsync(ct))
            .ToDictionary(s => s.AccountNumber!, s => s.Id, StringComparer.Ordinal);
        var usable = Accept(rows, nodes, tally);
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        // Each batch's entities are changed only through their methods and detected once before saving.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var done = rows.Count - usable.Count;
            foreach (var batch in usable.Chunk(BatchSize))
            {
                var codes = batch.Select(r => r.Code!).ToList();
                var existing = await db.Services.Where(s => codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, StringComparer.Ordinal, ct);
                foreach (var row in batch)
                {
                    var isNew = !existing.TryGetValue(row.Code!, out var service);
                    if (service is null)
                    {
                        service = Service.Create(row.Code!, now);
                        db.Services.Add(service);
                    }

                    var changed = Apply(service, row, isNew, nodes, subscribers, tally, now);
                    if (isNew)
                    {
                        tally.Created++;
                    }
                    else if (changed)
                    {
                        tally.Updated++;
                    }
                    else
                    {
                        tally.Unchanged++;
                    }
                }

                db.ChangeTracker.DetectChanges();
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                done += batch.Length;
                tally.Read = done;
                await progress(tally);
            }

            tally.Read = rows.Count;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    // What the file does not carry stays as stored; a new service starts active.
    private static bool Apply(Service s, ServiceRow row, bool isNew, Dictionary<string, long> nodes, Dictionary<string, long> subscribers,
        ImportTally tally, DateTime now)
    {
        var carries = row.Carries;
        var account = carries.HasFlag(ServiceFields.Account) ? row.Account : s.AccountNumber;
        // Subscribers keep contract numbers in capitals. A subscriber found by the number links it; a number that finds nobody keeps a link someone made by hand
        // only while the number is the same one.
        long? subscriber = account is not null && subscribers.TryGetValue(account.ToUpperInvariant(), out var found) ? found
            : account == s.AccountNumber ? s.SubscriberId : null;
        if (subscriber is null)
        {
            tally.Unmatched++;
        }

        var node = carries.HasFlag(ServiceFields.Node) ? (row.NodeCode is null ? null : nodes[row.NodeCode]) : s.NodeId;
        var address = carries.HasFlag(ServiceFields.Address);
        var details = new ServiceDetails(
            account,
            carries.HasFlag(ServiceFields.State) && row.State is { } state ? state : isNew ? ServiceState.Active : s.State,
            carries.HasFlag(ServiceFields.Plan) ? row.Plan : s.PlanName,
            carries.HasFlag(ServiceFields.Price) ? row.Price : s.MonthlyPriceMxn,
            carries.HasFlag(ServiceFields.Cutoff) ? row.Cutoff : s.BillingCutoffDay,
            address ? row.Street : s.Street,
            address ? row.Neighborhood : s.Neighborhood,
            address ? row.PostalCode : s.PostalCode);
        return s.Apply(details, subscriber, node, now);
    }

    private static List<ServiceRow> Accept(IReadOnlyList<ServiceRow> rows, Dictionary<string, long> nodes, ImportTally tally)
    {
        var usable = new List<ServiceRow>(rows.Count);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.Problem is { } problem)
            {
                tally.Refusals.Add(row.Row, row.Code, problem);
            }
            else if (seen.TryGetValue(row.Code!, out var first))
            {
                tally.Refusals.Add(row.Row, row.Code, $"El servicio «{row.Code}» se repite: ya venía en la fila {first}.");
            }
            else if (row.Carries.HasFlag(ServiceFields.Node) && row.NodeCode is { } node && !nodes.ContainsKey(node))
            {
                tally.Refusals.Add(row.Row, row.Code, $"El nodo «{node}» no existe; importa primero la red.");
            }
            else
            {
                seen[row.Code!] = row.Row;
                usable.Add(row);
            }
        }

        return usable;
    }
}
