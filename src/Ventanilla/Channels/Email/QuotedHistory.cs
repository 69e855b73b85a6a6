using System.Text.RegularExpressions;

namespace Ventanilla.Channels.Email;

/// <summary>Separates what the sender wrote now from the earlier messages their client quoted below it.</summary>
internal static partial class QuotedHistory
{
    public static (string Text, string? Quoted) Split(string body)
    {
        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var cut = FirstHistoryLine(lines);
        var own = lines[..cut];
        var tail = lines[cut..];

        var text = Join(own.Where(line => !IsQuoted(line)));
        var quoted = Join(own.Where(IsQuoted).Concat(tail));

        // A message that is all history (a bare forward, a reply with nothing added) is shown whole:
        // an empty entry on the timeline would hide what the subscriber sent.
        return text.Length == 0 ? (Join(lines), null) : (text, quoted.Length == 0 ? null : quoted);
    }

    private static int FirstHistoryLine(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            if (Separator().IsMatch(lines[i]) || IsHeaderBlock(lines, i))
            {
                // Outlook draws a rule of underscores just above its header block.
                return i > 0 && Rule().IsMatch(lines[i - 1]) ? i - 1 : i;
            }

            if (IsAttribution(lines, i))
            {
                return i;
            }
        }

        return lines.Length;
    }

    // Gmail and Apple Mail wrap long attributions over two or three lines. The colon must end a
    // line: "El lunes me escribió: …" inside a sentence is the subscriber talking, not a quote.
    private static bool IsAttribution(string[] lines, int i) =>
        Enumerable.Range(1, Math.Min(3, lines.Length - i))
            .Any(count => Attribution().IsMatch(string.Join(' ', lines.Skip(i).Take(count).Select(line => line.Trim()))));

    // "De: …" followed within a few lines by "Enviado:"/"Fecha:" (or From/Sent/Date) is Outlook's reply header.
    private static bool IsHeaderBlock(string[] lines, int i) =>
        FromLine().IsMatch(lines[i]) && lines.Skip(i + 1).Take(3).Any(line => SentLine().IsMatch(line));

    private static bool IsQuoted(string line) => line.TrimStart().StartsWith('>');

    private static string Join(IEnumerable<string> lines) => string.Join('\n', lines).Trim('\n', ' ', '\t', '\r');

    [GeneratedRegex(@"^\s*(?:El|On)\s.{1,300}?(?:escribió|wrote)\s*:\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"^\s*-{2,}\s*(?:Original Message|Mensaje original)\s*-{2,}\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Separator();

    [GeneratedRegex(@"^\s*_{10,}\s*$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"^\s*\*?(?:De|From)\s*:\s*\*?\s*\S", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FromLine();

    [GeneratedRegex(@"^\s*\*?(?:Enviado(?: el)?|Fecha|Sent|Date)\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SentLine();
}
