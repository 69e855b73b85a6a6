using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Ventanilla.Tickets;

/// <summary>The subscriber's tracking number: <c>{prefix}-{year}-{sequence:000000}</c>.</summary>
public readonly partial record struct Folio(string Prefix, int Year, long Sequence)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}-{Year:0000}-{Sequence:000000}");

    /// <summary>A stable number for the ticket's key: folios never repeat, so neither does this.</summary>
    // Year and sequence are unique together whatever the prefix, and knowing the key before the
    // insert lets the ticket, its first timeline entry and its outbox row go in one batch.
    public long TicketId => (Year * 1_000_000_000L) + Sequence;

    public static bool TryParse(string? text, [NotNullWhen(true)] out Folio? folio)
    {
        folio = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        if (!int.TryParse(match.Groups["year"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !long.TryParse(match.Groups["seq"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
            || sequence < 1 || sequence >= 1_000_000_000L)
        {
            return false;
        }

        folio = new Folio(match.Groups["prefix"].Value.ToUpperInvariant(), year, sequence);
        return true;
    }

    /// <summary>
    /// One folio written two ways (lower case, an extra leading zero) is one key; text that is no
    /// folio keys as itself, so limits still count it.
    /// </summary>
    public static string KeyOf(string? text) =>
        TryParse(text, out var parsed) ? parsed.Value.ToString() : (text ?? "").Trim().ToUpperInvariant();

    // ASCII digits only: \d would also take Arabic-Indic and other digits, which no folio has.
    [GeneratedRegex(@"^(?<prefix>[A-Za-z]{1,8})-(?<year>[0-9]{4})-(?<seq>[0-9]{6,9})$")]
    private static partial Regex Pattern();
}
