using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Network.Outages;
using Ventanilla.Provider;
using Ventanilla.Subscribers.Services;

namespace Ventanilla.Network.Compensation;

/// <summary>
/// Writes the ledger's lines from restored outages (one per affected active service) and from
/// upheld faults (CompensationLedger.Faults.cs). Each outage or ticket is written in one
/// transaction, and the unique indexes on (outage, service) and (ticket, service) make a second
/// pass, or a second node racing this one, add nothing.
/// </summary>
public sealed partial class CompensationLedger(VentanillaDbContext db, ProviderDirectory provider, CompensationApprovals approvals,
    TimeProvider clock, ILogger<CompensationLedger> log)
{
    private const int Batch = 50;

    /// <summary>One pass over everything waiting; answers how many lines it wrote.</summary>
    public async Task<int> ComputeAsync(CancellationToken ct = default)
    {
        var written = await FromOutagesAsync(ct);
        written += await FromFaultsAsync(ct);
        return written;
    }

    private async Task<int> FromOutagesAsync(CancellationToken ct)
    {
        var lines = db.CompensationLines;
        // An outage whose attribution nobody decided yet waits (the reconciliation page lists it).
        var waiting = await db.Outages
            .Where(o => (o.Status == OutageStatus.Restored || o.Status == OutageStatus.Closed)
                        && o.RestoredAt != null && o.AttributableToProvider != null
                        && !lines.Any(l => l.OutageId == o.Id))
            .OrderBy(o => o.Id).Select(o => o.Id).Take(Batch).ToListAsync(ct);
        var written = 0;
        foreach (var id in waiting)
        {
            db.ChangeTracker.Clear();
            var outage = await db.Outages.Include(o => o.Nodes).SingleAsync(o => o.Id == id, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var policy = await db.CurrentPolicyAsync(now, ct);
            var services = await db.ActiveServicesUnder(outage.Nodes.Select(n => n.NodePath)).AsNoTracking().ToListAsync(ct);
            var reports = outage.AttributableToProvider == true ? [] : await FirstReportsAsync(outage, services, ct);
            var added = services.Select(s => ForOutage(outage, s, reports.TryGetValue(s.Id, out var at) ? at : null, policy, now)).ToList();
            written += await StoreAsync(added, $"falla {outage.Code}", ct);
        }

        return written;
    }

    /// <summary>
    /// The first report of each service during the outage: a child of it, or any report of the
    /// service between its start and its restoration (a child split off keeps its report time).
    /// </summary>
    private async Task<Dictionary<long, DateTime>> FirstReportsAsync(Outage outage, List<Service> services, CancellationToken ct)
    {
        var ids = services.Select(s => s.Id).ToList();
        var rows = await db.Tickets
            .Where(t => t.ServiceId != null && ids.Contains(t.ServiceId.Value)
                        && (t.OutageId == outage.Id || (t.ReportedAt >= outage.StartedAt && t.ReportedAt <= outage.RestoredAt)))
            .Select(t => new { ServiceId = t.ServiceId!.Value, t.ReportedAt }).ToListAsync(ct);
        return rows.GroupBy(r => r.ServiceId).ToDictionary(g => g.Key, g => g.Min(r => r.ReportedAt));
    }

    private CompensationLine ForOutage(Outage outage, Service service, DateTime? reportedAt, CompensationPolicy policy, DateTime now)
    {
        var origin = Origin(CompensationSource.Outage, outage.Id, null, service, outage.StartedAt, outage.RestoredAt!.Value);
        if (outage.AttributableToProvider == false)
        {
            var threshold = TimeSpan.FromHours(policy.ForceMajeureThresholdHours);
            var countsFrom = policy.ThresholdFrom == ThresholdStart.OutageStart ? outage.StartedAt : reportedAt;
            if (countsFrom is not { } from)
            {
                return CompensationLine.NotOwed(origin, policy,
                    $"Caso fortuito o fuerza mayor: el suscriptor no reportó la falla, y el plazo de {policy.ForceMajeureThresholdHours} h cuenta desde su reporte.", now);
            }

            var lasted = outage.RestoredAt!.Value - from;
            if (lasted <= threshold)
            {
                return CompensationLine.NotOwed(origin, policy,
                    $"Caso fortuito o fuerza mayor: la falta de servicio duró {Hours(lasted)} desde {(policy.ThresholdFrom == ThresholdStart.Report ? "el reporte" : "el inicio de la falla")}, sin pasar de {policy.ForceMajeureThresholdHours} horas.", now);
            }
        }

        return Compute(origin, policy, now);
    }

    private LineOrigin Origin(CompensationSource source, long? outageId, long? ticketId, Service service, DateTime from, DateTime to)
    {
        var zone = provider.Current.Zone;
        var startDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(from, zone));
        var endDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(to, zone));
        // A time without service that crosses a cut-off is priced whole in the period it started in.
        var (first, last) = BillingPeriods.Of(startDay, service.BillingCutoffDay);
        var applyBy = BillingPeriods.NextCutoff(endDay, service.BillingCutoffDay);
        return new LineOrigin(source, outageId, ticketId, service.Id, service.SubscriberId, from, to < from ? from : to,
            service.MonthlyPriceMxn, first, last, applyBy);
    }

    private static CompensationLine Compute(LineOrigin origin, CompensationPolicy policy, DateTime now)
    {
        if (origin.MonthlyPriceMxn is not { } price)
        {
            return CompensationLine.NotOwed(origin, policy,
                "El servicio no tiene precio mensual registrado: captúralo y calcula la bonificación a mano.", now);
        }

        var minutes = (long)(origin.To - origin.From).TotalMinutes;
        var amounts = CompensationCalculator.Compute(price, origin.PeriodFirst, origin.PeriodLast, minutes, policy.Terms);
        return CompensationLine.Owed(origin, amounts, policy, now);
    }

    private async Task<int> StoreAsync(List<CompensationLine> added, string what, CancellationToken ct)
    {
        if (added.Count == 0)
        {
            return 0;
        }

        db.CompensationLines.AddRange(added);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.SaveChangesAsync(ct);
            // Lines the system approved at once are told and announced in the same transaction.
            await approvals.AnnounceAsync(added.Where(l => l.State == CompensationState.Approved).ToList(), ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return added.Count;
        }
        catch (DbUpdateException error)
        {
            // Another node wrote these lines first: the unique index kept theirs, and nothing here is lost.
            log.LogInformation(error, "Compensation lines for {What} were already written", what);
            db.ChangeTracker.Clear();
            return 0;
        }
    }

    private static string Hours(TimeSpan span) =>
        span.TotalHours < 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Floor(span.TotalHours * 10) / 10:0.#} h");
}
