using System.Globalization;
using System.Text;

namespace Ventanilla.Network.Import;

/// <summary>One record of a CSV file and the line it starts on, as the operator's editor numbers it.</summary>
public sealed record CsvRecord(int Line, string[] Fields)
{
    public string? this[int? column] =>
        column is { } c && c < Fields.Length && Fields[c].Trim() is { Length: > 0 } value ? value : null;
}

/// <summary>
/// Reads the CSV files operators export from spreadsheets and billing systems: RFC 4180 quoting,
/// fields with line breaks, a byte-order mark, CRLF or LF, and a semicolon as separator (what a
/// spreadsheet in Spanish writes, since there the comma is the decimal mark).
/// </summary>
public static class Csv
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// The file as text: UTF-8 (with or without a mark), or, when it is not valid UTF-8, Latin-1,
    /// which is what an older spreadsheet saves "Colonia Juárez" in.
    /// </summary>
    public static string Decode(byte[] bytes)
    {
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    /// <summary>
    /// The records of the file, blank lines left out. With <paramref name="comments"/>, lines that
    /// start with <c>#</c> are left out too (LibreQoS files carry them).
    /// </summary>
    public static List<CsvRecord> Read(string text, bool comments = false)
    {
        var records = new List<CsvRecord>();
        char? separator = null;
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var atFieldStart = true;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (fields.Count == 0 && field.Length == 0 && atFieldStart && !quoted)
            {
                recordLine = line;
                if ((comments && c == '#') || c is '\r' or '\n')
                {
                    i = SkipLine(text, i, ref line);
                    continue;
                }

                separator ??= SeparatorOf(text, i);
            }

            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                i++;
                continue;
            }

            if (c == '"' && atFieldStart)
            {
                quoted = true;
                atFieldStart = false;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
                atFieldStart = true;
            }
            else if (c is '\r' or '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add(new CsvRecord(recordLine, [.. fields]));
                fields.Clear();
                atFieldStart = true;
                i = SkipLine(text, i, ref line);
                continue;
            }
            else
            {
                field.Append(c);
                atFieldStart = false;
            }

            i++;
        }

        if (fields.Count > 0 || field.Length > 0 || !atFieldStart)
        {
            fields.Add(field.ToString());
            records.Add(new CsvRecord(recordLine, [.. fields]));
        }

        return records;
    }

    /// <summary>A header's name as code compares it: "Código Postal" and "codigo_postal" are the same column.</summary>
    public static string HeaderKey(string header)
    {
        var decomposed = header.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            key.Append(c is ' ' or '-' ? '_' : c);
        }

        return key.ToString();
    }

    /// <summary>Where each named column is in the header record; absent names are not in the map.</summary>
    public static Dictionary<string, int> Columns(CsvRecord header)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Fields.Length; i++)
        {
            columns.TryAdd(HeaderKey(header.Fields[i]), i);
        }

        return columns;
    }

    // Whichever of comma and semicolon the header line uses more, outside quotes: a header never
    // holds a price, so its commas are separators.
    private static char SeparatorOf(string text, int start)
    {
        int commas = 0, semicolons = 0;
        var quoted = false;
        for (var i = start; i < text.Length && (quoted || text[i] is not ('\r' or '\n')); i++)
        {
            quoted ^= text[i] == '"';
            commas += !quoted && text[i] == ',' ? 1 : 0;
            semicolons += !quoted && text[i] == ';' ? 1 : 0;
        }

        return semicolons > commas ? ';' : ',';
    }

    private static int SkipLine(string text, int i, ref int line)
    {
        while (i < text.Length && text[i] is not ('\r' or '\n'))
        {
            i++;
        }

        if (i < text.Length && text[i] == '\r')
        {
            i++;
        }

        if (i < text.Length && text[i] == '\n')
        {
            i++;
        }

        line++;
        return i;
    }
}
