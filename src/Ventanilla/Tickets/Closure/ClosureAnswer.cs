using System.Globalization;
using System.Text;

namespace Ventanilla.Tickets.Closure;

/// <summary>What a subscriber's reply to the closing notice says, when it says it plainly.</summary>
public enum ClosureReply { Unclear, Fixed, NotFixed }

/// <summary>
/// Reads the start of a reply to the closing notice: "Sí, ya funciona" confirms, "No, sigue
/// igual" says it is not fixed. Only the first line counts, and only a clear opening: a reply
/// that talks about something else is left for an agent to read, never guessed at.
/// </summary>
public static class ClosureAnswer
{
    // Anywhere in the first line they outweigh a polite "sí": "sí, pero sigue igual" is not fixed.
    private static readonly string[] NotFixed =
    [
        "no esta resuelto", "no quedo resuelto", "no se resolvio", "no se soluciono", "no funciona", "no sirve", "sigue sin",
        "sigue igual", "sigue fallando", "sigue la falla", "continua", "todavia no", "aun no", "tampoco",
    ];

    private static readonly string[] Fixed =
    [
        "si ya funciona", "ya funciona", "ya quedo", "ya esta", "ya se resolvio", "quedo resuelto", "esta resuelto",
        "funciona bien", "todo bien", "confirmo", "correcto", "gracias ya", "listo", "si", "ok",
    ];

    public static ClosureReply Read(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ClosureReply.Unclear;
        }

        var first = Simplify(text.TrimStart().Split('\n', 2)[0]);
        // Checked first: "no, sigue igual" and "no funciona" must never read as a confirmation.
        if (StartsWithAny(first, ["no"]) || NotFixed.Any(phrase => Contains(first, phrase)))
        {
            return ClosureReply.NotFixed;
        }

        return StartsWithAny(first, Fixed) ? ClosureReply.Fixed : ClosureReply.Unclear;
    }

    private static bool Contains(string text, string phrase) => (" " + text + " ").Contains(" " + phrase + " ", StringComparison.Ordinal);

    private static bool StartsWithAny(string text, string[] openings) =>
        openings.Any(o => text == o || (text.StartsWith(o, StringComparison.Ordinal) && !char.IsLetterOrDigit(text[o.Length])));

    /// <summary>Lower case, no accents, punctuation as spaces, single spaces: "¡Sí, ya funciona!" reads "si ya funciona".</summary>
    private static string Simplify(string line)
    {
        var text = new StringBuilder(line.Length);
        foreach (var c in line.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            text.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        return string.Join(' ', text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
