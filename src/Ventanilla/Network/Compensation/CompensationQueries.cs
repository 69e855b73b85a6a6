using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;

namespace Ventanilla.Network.Compensation;

/// <summary>The filters every view of the ledger shares: the console list, the API, the export, the reconciliation's links.</summary>
public sealed record LineFilter(CompensationState? State = null, DateOnly? Cutoff = null, long? OutageId = null, bool Overdue = false);

public static class CompensationQueries
{
    public static IQueryable<CompensationLine> Filtered(this VentanillaDbContext db, LineFilter filter, DateOnly today)
    {
        var lines = db.CompensationLines.AsNoTracking();
        if (filter.State is { } state)
        {
            lines = lines.Where(l => l.State == state);
        }

        if (filter.Cutoff is { } cutoff)
        {
            lines = lines.Where(l => l.ApplyBy == cutoff);
        }

        if (filter.OutageId is { } outage)
        {
            lines = lines.Where(l => l.OutageId == outage);
        }

        if (filter.Overdue)
        {
            // Owed and not yet applied by the cut-off it had to be applied by.
            lines = lines.Where(l => (l.State == CompensationState.Proposed || l.State == CompensationState.Approved) && l.ApplyBy < today);
        }

        return lines;
    }

    /// <summary>The lines with the reference a person knows them by (FM-000042, folio NM-2026-000123).</summary>
    public static async Task<List<(CompensationLine Line, string Reference)>> WithReferencesAsync(
        this VentanillaDbContext db, IQueryable<CompensationLine> lines, CancellationToken ct)
    {
        var rows = await lines.Select(l => new { Line = l, Folio = db.Tickets.Where(t => t.Id == l.TicketId).Select(t => t.Folio).FirstOrDefault() })
            .ToListAsync(ct);
        return rows.Select(r => (r.Line, Reference(r.Line.OutageId, r.Folio))).ToList();
    }

    public static string Reference(long? outageId, string? folio) =>
        outageId is { } id ? string.Create(CultureInfo.InvariantCulture, $"FM-{id:D6}") : folio is null ? "" : $"folio {folio}";

    /// <summary>Outage codes (FM-000042) or plain ids, as staff type them.</summary>
    public static long? OutageIdOf(string? text)
    {
        var digits = text?.Trim().ToUpperInvariant().Replace("FM-", "", StringComparison.Ordinal);
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}
