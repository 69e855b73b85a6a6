using System.Globalization;
using System.Text;

namespace Ventanilla.Web;

public static class Text
{
    /// <summary>Lower case without accents, so "Peña" and "pena" compare equal.</summary>
    public static string Fold(string text)
    {
        var decomposed = text.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
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
    /// Drops control characters other than tabs and line breaks: PostgreSQL cannot store NUL, and
    /// the others only hide text from the people who read it.
    /// </summary>
    public static string? WithoutControlCharacters(string? text) =>
        text is null || !text.Any(IsUnwantedControl) ? text : new string(text.Where(c => !IsUnwantedControl(c)).ToArray());

    private static bool IsUnwantedControl(char c) => char.IsControl(c) && c is not ('\t' or '\n' or '\r');

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
