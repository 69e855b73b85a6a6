using SpreadCheetah;

namespace Ventanilla.Network.Compensation;

/// <summary>
/// The same export as the CSV, as an XLSX workbook written row by row (to a buffer that spills to
/// disk, see the endpoint): no copy of the whole file is held in memory, however many lines a
/// cut-off has. Money goes in as numbers, so billing can sum it in the sheet.
/// </summary>
public static class CompensationWorkbook
{
    // Price, base, bonus and amount: the columns written as numbers rather than text.
    private static readonly int[] MoneyColumns = [9, 14, 15, 16];

    public static async Task WriteAsync(Stream output, IEnumerable<(CompensationLine Line, string Reference)> lines, TimeZoneInfo zone,
        CancellationToken ct)
    {
        await using var sheet = await Spreadsheet.CreateNewAsync(output, null, ct);
        await sheet.StartWorksheetAsync("Bonificaciones", null, ct);
        await sheet.AddRowAsync(CompensationExport.Headers.Select(h => new DataCell(h)).ToArray(), ct);
        foreach (var row in CompensationExport.Rows(lines, zone))
        {
            var cells = row.Select((text, i) => MoneyColumns.Contains(i) && decimal.TryParse(text, System.Globalization.NumberStyles.Number,
                System.Globalization.CultureInfo.InvariantCulture, out var amount) ? new DataCell(amount) : new DataCell(text)).ToArray();
            await sheet.AddRowAsync(cells, ct);
        }

        await sheet.FinishAsync(ct);
    }
}
