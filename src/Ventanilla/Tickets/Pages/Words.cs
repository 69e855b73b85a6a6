using Microsoft.Extensions.Localization;

namespace Ventanilla.Tickets.Pages;

internal static class Words
{
    /// <summary>
    /// A lower-case word (a <see cref="SpanishLabels"/> label, "sin asignar") in the person's language.
    /// Resource names must differ in more than case, so such a word may share the entry of its
    /// capitalized twin ("Correo electrónico" on the sign-in page), lowered again here.
    /// </summary>
    public static string Word(this IStringLocalizer localizer, string word)
    {
        var own = localizer[word];
        if (!own.ResourceNotFound || word.Length == 0 || !char.IsLower(word[0]))
        {
            return own.Value;
        }

        var twin = localizer[char.ToUpperInvariant(word[0]) + word[1..]];
        return twin.ResourceNotFound ? word : char.ToLowerInvariant(twin.Value[0]) + twin.Value[1..];
    }
}
