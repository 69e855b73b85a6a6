using System.Text.RegularExpressions;
using Ventanilla.Tickets;

namespace Ventanilla.Channels.Email;

/// <summary>The folio carried in a subject as <c>[Folio NM-2026-000123]</c>, so replies find their ticket.</summary>
public static partial class FolioTag
{
    public static Folio? Find(string? subject)
    {
        if (string.IsNullOrEmpty(subject))
        {
            return null;
        }

        foreach (Match match in Pattern().Matches(subject))
        {
            // People and mail clients add spaces around the dashes; the folio itself has none.
            var text = string.Concat(match.Groups["folio"].Value.Where(c => !char.IsWhiteSpace(c)));
            if (Folio.TryParse(text, out var folio))
            {
                return folio;
            }
        }

        return null;
    }

    /// <summary>The subject with the folio tag at its end, unless it already carries that folio.</summary>
    public static string Add(string? subject, Folio folio)
    {
        var trimmed = subject?.Trim() ?? "";
        if (Find(trimmed) == folio)
        {
            return trimmed;
        }

        var tag = $"[Folio {folio}]";
        return trimmed.Length == 0 ? tag : $"{trimmed} {tag}";
    }

    [GeneratedRegex(@"\[\s*(?:folio\s*[:#]?\s*)?(?<folio>[a-z]{1,8}\s*-\s*\d{4}\s*-\s*\d{6,9})\s*\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
