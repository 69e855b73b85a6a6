using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Network.Outages;

namespace Ventanilla.Network.Compensation;

/// <summary>One figure of the reconciliation: how many lines and how much money.</summary>
public sealed record Figure(int Count, decimal AmountMxn);

/// <summary>The ledger of one cut-off date, as billing and the authority ask about it.</summary>
public sealed record CutoffFigures(DateOnly Cutoff, Figure Computed, Figure Proposed, Figure Approved, Figure Applied, Figure Overdue, Figure NotOwed);

public static class Reconciliation
{
    /// <summary>
    /// Per cut-off date, newest first. Summed here rather than in SQL because SQLite cannot sum
    /// decimals exactly; a cut-off holds thousands of lines, not millions.
    /// </summary>
    public static async Task<List<CutoffFigures>> PerCutoffAsync(VentanillaDbContext db, DateOnly today, int cutoffs, CancellationToken ct)
    {
        var dates = await db.CompensationLines.Select(l => l.ApplyBy).Distinct().OrderByDescending(d => d).Take(cutoffs).ToListAsync(ct);
        var rows = await db.CompensationLines.AsNoTracking().Where(l => dates.Contains(l.ApplyBy))
            .Select(l => new { l.ApplyBy, l.State, l.AmountMxn }).ToListAsync(ct);
        return rows.GroupBy(r => r.ApplyBy).OrderByDescending(g => g.Key).Select(g =>
        {
            Figure Of(Func<CompensationState, bool> state) =>
                new(g.Count(r => state(r.State)), g.Where(r => state(r.State)).Sum(r => r.AmountMxn));
            var overdue = g.Key < today ? Of(s => s is CompensationState.Proposed or CompensationState.Approved) : new Figure(0, 0m);
            return new CutoffFigures(g.Key, Of(_ => true), Of(s => s == CompensationState.Proposed), Of(s => s == CompensationState.Approved),
                Of(s => s == CompensationState.Applied), overdue, Of(s => s == CompensationState.NotOwed));
        }).ToList();
    }

    /// <summary>Restored outages whose attribution nobody decided: they owe nothing yet, and someone must decide.</summary>
    public static Task<List<Outage>> WaitingForDecisionAsync(VentanillaDbContext db, CancellationToken ct) =>
        db.Outages.AsNoTracking()
            .Where(o => (o.Status == OutageStatus.Restored || o.Status == OutageStatus.Closed) && o.AttributableToProvider == null)
            .OrderBy(o => o.RestoredAt).Take(200).ToListAsync(ct);
}
