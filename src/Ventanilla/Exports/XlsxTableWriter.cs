using System.Globalization;
using SpreadCheetah;
using SpreadCheetah.Styling;

namespace Ventanilla.Exports;

/// <summary>
/// An XLSX workbook written row by row with SpreadCheetah, which keeps no copy of the sheet: the
/// rows, then a second sheet, «Manifiesto», saying who exported what, when, with which filters and
/// how many rows. Numbers are numbers and moments are dates, in the provider's zone.
/// </summary>
public static class XlsxTableWriter
{
    public static async Task<long> WriteAsync(Stream output, ExportTable table, TimeZoneInfo zone, string actorName, DateTime at,
        CancellationToken ct)
    {
        var options = new SpreadCheetahOptions { DefaultDateTimeFormat = NumberFormat.Custom("yyyy-mm-dd hh:mm") };
        await using var sheet = await Spreadsheet.CreateNewAsync(output, options, ct);
        var bold = sheet.AddStyle(new Style { Font = { Bold = true } });
        var day = sheet.AddStyle(new Style { Format = NumberFormat.Custom("yyyy-mm-dd") });
        await sheet.StartWorksheetAsync(SheetName(table.Title), null, ct);
        await sheet.AddRowAsync(table.Columns.Select(c => new Cell(c.Header, bold)).ToArray(), ct);
        var cells = new Cell[table.Columns.Count];
        long rows = 0;
        await foreach (var row in table.Rows.WithCancellation(ct))
        {
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = CellOf(i < row.Length ? row[i] : null, zone, day);
            }

            await sheet.AddRowAsync(cells, ct);
            rows++;
        }

        await sheet.StartWorksheetAsync("Manifiesto", null, ct);
        await sheet.AddRowAsync([new Cell("Informe", bold), new Cell(table.Title)], ct);
        await sheet.AddRowAsync([new Cell("Exportado por", bold), new Cell(actorName)], ct);
        await sheet.AddRowAsync([new Cell("Fecha", bold), new Cell(CellText.Local(at, zone))], ct);
        await sheet.AddRowAsync([new Cell("Filas", bold), new Cell(rows)], ct);
        foreach (var (name, value) in table.Filters)
        {
            await sheet.AddRowAsync([new Cell(name, bold), new Cell(value)], ct);
        }

        await sheet.FinishAsync(ct);
        return rows;
    }

    private static Cell CellOf(object? value, TimeZoneInfo zone, StyleId day) => value switch
    {
        null => new Cell(""),
        string text => new Cell(CellText.Defused(text)),
        int n => new Cell(n),
        long n => new Cell(n),
        decimal n => new Cell(n),
        double n => new Cell(n),
        DateTime utc => new Cell(CellText.Local(utc, zone)),
        DateTimeOffset moment => new Cell(CellText.Local(moment.UtcDateTime, zone)),
        DateOnly d => new Cell(d.ToDateTime(TimeOnly.MinValue), day),
        _ => new Cell(CellText.Of(value, zone)),
    };

    // Excel refuses sheet names over 31 characters or with any of : \ / ? * [ ].
    private static string SheetName(string title)
    {
        var clean = new string(title.Where(c => !":\\/?*[]".Contains(c, StringComparison.Ordinal)).ToArray()).Trim();
        clean = clean.Length == 0 ? "Datos" : clean;
        return clean.Length <= 31 ? clean : clean[..31].ToString(CultureInfo.InvariantCulture);
    }
}
