using System.Globalization;
using System.Text;

namespace Ventanilla.Network.Compensation;

/// <summary>
/// The approved lines for the billing system, with Spanish headers and times in the provider's zone.
/// Money is written with a point and two decimals and no thousands separator, so any
/// spreadsheet or importer reads it as the number it is.
/// </summary>
public static class CompensationExport
{
    public static readonly string[] Headers =
    [
        "Línea", "Estado", "Origen", "Referencia", "Servicio", "Suscriptor", "Desde", "Hasta", "Minutos sin servicio",
        "Precio mensual", "Periodo desde", "Periodo hasta", "Unidades", "Unidad", "Base", "Bonificación adicional",
        "Monto", "Aplicar a más tardar", "Versión de póliza", "Cálculo", "Nota de crédito",
    ];

    /// <summary>One row per line, in the order of <see cref="Headers"/>.</summary>
    public static IEnumerable<string[]> Rows(IEnumerable<(CompensationLine Line, string Reference)> lines, TimeZoneInfo zone) =>
        lines.Select(r =>
        {
            var l = r.Line;
            return new[]
            {
                Number(l.Id), CompensationLabels.Of(l.State), CompensationLabels.Of(l.Source), r.Reference, Number(l.ServiceId),
                l.SubscriberId is { } s ? Number(s) : "", Local(l.From, zone), Local(l.To, zone), Number(l.MinutesWithoutService),
                l.MonthlyPriceMxn is { } p ? Money(p) : "", Day(l.PeriodFirst), Day(l.PeriodLast), Number(l.Units), l.UnitName,
                Money(l.BaseMxn), Money(l.BonusMxn), Money(l.AmountMxn), Day(l.ApplyBy), Number(l.PolicyNumber), l.Explanation,
                l.AppliedReference ?? "",
            };
        });

    public static byte[] Csv(IEnumerable<(CompensationLine Line, string Reference)> lines, TimeZoneInfo zone)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', Headers.Select(Quote)).Append("\r\n");
        foreach (var row in Rows(lines, zone))
        {
            text.AppendJoin(',', row.Select(Quote)).Append("\r\n");
        }

        // With the byte-order mark, spreadsheet programs read the accents as UTF-8.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static string Money(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    // A cell that starts like a formula is prefixed, so a spreadsheet shows it instead of running it.
    private static string Quote(string cell)
    {
        if (cell.Length > 0 && "=+-@".Contains(cell[0], StringComparison.Ordinal) && !decimal.TryParse(cell, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            cell = "'" + cell;
        }

        return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }
}
