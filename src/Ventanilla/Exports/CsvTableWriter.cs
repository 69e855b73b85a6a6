using System.Text;

namespace Ventanilla.Exports;

/// <summary>RFC 4180 CSV, UTF-8 with a byte-order mark so spreadsheet programs read the accents; written row by row.</summary>
public static class CsvTableWriter
{
    public static async Task<long> WriteAsync(Stream output, ExportTable table, TimeZoneInfo zone, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true);
        writer.NewLine = "\r\n";
        await writer.WriteLineAsync(string.Join(',', table.Columns.Select(c => Quote(c.Header))));
        long rows = 0;
        var line = new StringBuilder();
        await foreach (var row in table.Rows.WithCancellation(ct))
        {
            line.Clear();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                if (i > 0)
                {
                    line.Append(',');
                }

                var value = i < row.Length ? row[i] : null;
                var text = CellText.Of(value, zone);
                line.Append(Quote(value is string ? CellText.Defused(text) : text));
            }

            await writer.WriteLineAsync(line, ct);
            rows++;
        }

        await writer.FlushAsync(ct);
        return rows;
    }

    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
