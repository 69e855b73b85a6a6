using System.Buffers;
using System.Globalization;
using System.Text;

namespace Ventanilla.Web;

public static class Text
{
    /// <summary>Lower case without accents, so "Peña" and "pena" compare equal.</summary>
    public static string Fold(string text)
    {
        // Normalization throws on non-characters and lone surrogates; text that missed the intake edge must not fail routing.
        var decomposed = Readable(text)!.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// The one normalisation of text at the intake edge. Drops control characters other than tabs and
    /// line breaks (PostgreSQL cannot store NUL, and the others only hide text from the people who read
    /// it), Unicode non-characters such as U+FFFE and lone surrogates: they are not text, they cannot
    /// be normalized or encoded as UTF-8, and no keyboard or phone produces them. Everything else stays.
    /// </summary>
    public static string? Readable(string? text)
    {
        if (text is null || !text.AsSpan().ContainsAny(Suspects))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            // A lone surrogate decodes as invalid data, one char long, and is left out.
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) == OperationStatus.Done && !IsUnwanted(rune))
            {
                builder.Append(rest[..used]);
            }

            rest = rest[used..];
        }

        return builder.ToString();
    }

    // Every char that may start something unwanted: controls, surrogates and the non-character ranges.
    private static readonly SearchValues<char> Suspects = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(i => (char)i).Where(c => c is not ('\t' or '\n' or '\r')),
         .. Enumerable.Range(0x7F, 0x21).Select(i => (char)i),
         .. Enumerable.Range(0xD800, 0x800).Select(i => (char)i),
         .. Enumerable.Range(0xFDD0, 0x20).Select(i => (char)i),
         '\uFFFE', '\uFFFF']);

    private static bool IsUnwanted(Rune rune) =>
        (Rune.IsControl(rune) && rune.Value is not ('\t' or '\n' or '\r'))
        || rune.Value is >= 0xFDD0 and <= 0xFDEF
        || (rune.Value & 0xFFFE) == 0xFFFE;

    /// <summary>At most <paramref name="max"/> characters, ending in "…" when cut; never halves a surrogate pair.</summary>
    public static string? Shortened(string? text, int max)
    {
        if (text is null || text.Length <= max)
        {
            return text;
        }

        var end = char.IsHighSurrogate(text[max - 2]) ? max - 2 : max - 1;
        return text[..end] + "…";
    }

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
