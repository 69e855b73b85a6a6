using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Ventanilla.Provider;
using Ventanilla.Tickets;

namespace Ventanilla.Data;

/// <summary>
/// Hands out folios from a counter row per year, inside the caller's transaction: a rolled-back
/// ticket gives its number back, so folios are gap-free, and the row lock makes them unique.
/// </summary>
public sealed class FolioAllocator(ProviderOptions provider)
{
    // One statement on both databases: create the year's row or bump it, and read the new value.
    private const string NextSql =
        "INSERT INTO folio_counters (year, last_value) VALUES (@year, 1) " +
        "ON CONFLICT (year) DO UPDATE SET last_value = folio_counters.last_value + 1 RETURNING last_value";

    /// <summary>The folio year is the provider's local year when the report was made.</summary>
    public int YearOf(DateTime reportedAtUtc) =>
        TimeZoneInfo.ConvertTimeFromUtc(reportedAtUtc, provider.Zone).Year;

    public async Task<Folio> NextAsync(VentanillaDbContext db, DateTime reportedAtUtc, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A folio must be allocated inside the transaction that creates its ticket.");
        var year = YearOf(reportedAtUtc);
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = NextSql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@year";
        parameter.Value = year;
        command.Parameters.Add(parameter);
        var value = await command.ExecuteScalarAsync(ct);
        return new Folio(provider.FolioPrefix, year, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
    }
}
