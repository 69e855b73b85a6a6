using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Ventanilla.Data;
using Ventanilla.Provider;
using Ventanilla.Tickets;

namespace Ventanilla.Intake;

/// <summary>
/// Hands out folios from a counter row per year, inside the caller's transaction: a rolled-back
/// ticket gives its number back, so folios are gap-free, and the row lock makes them unique.
/// </summary>
public sealed class FolioAllocator(ProviderDirectory provider)
{
    // One statement on both databases: create the year's row or advance it, and read the new value.
    private const string NextSql =
        "INSERT INTO folio_counters (year, last_value) VALUES (@year, @count) " +
        "ON CONFLICT (year) DO UPDATE SET last_value = folio_counters.last_value + @count RETURNING last_value";

    /// <summary>The folio year is the provider's local year when the report was made.</summary>
    public int YearOf(DateTime reportedAtUtc) =>
        TimeZoneInfo.ConvertTimeFromUtc(reportedAtUtc, provider.Current.Zone).Year;

    /// <summary>The next <paramref name="count"/> folios of a year, in order.</summary>
    public async Task<IReadOnlyList<Folio>> NextAsync(VentanillaDbContext db, int year, int count, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("Folios must be allocated inside the transaction that creates their tickets.");
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText = NextSql;
        AddParameter(command, "@year", year);
        AddParameter(command, "@count", count);
        var last = Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        return [.. Enumerable.Range(0, count).Select(i => new Folio(provider.Current.FolioPrefix, year, last - count + 1 + i))];
    }

    private static void AddParameter(System.Data.Common.DbCommand command, string name, int value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
