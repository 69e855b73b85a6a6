namespace Ventanilla.Tickets;

/// <summary>
/// A light Spanish stem for SQLite's search, which has no Spanish stemmer of its own: plural and
/// gender endings are cut so that a prefix query on the stem finds the word's other forms, "fallas"
/// the "falla", "cobro" the "cobros", "señales" the "señal". PostgreSQL stems with its own Spanish
/// dictionary and does not use this.
/// </summary>
public static class SpanishStems
{
    // Shorter stems would match too much as prefixes: "ve" would find every "venta" and "velocidad".
    private const int ShortestStem = 4;

    /// <summary>The stem of one lower-case word, or the word itself when it is short, or has digits.</summary>
    public static string Of(string word)
    {
        if (word.Length <= ShortestStem || word.Any(char.IsDigit))
        {
            return word;
        }

        // The first ending that leaves a long enough stem: "señales" → "señal", "cortes" → "cort".
        foreach (var ending in Endings)
        {
            if (word.EndsWith(ending, StringComparison.Ordinal) && word.Length - ending.Length >= ShortestStem)
            {
                return word[..^ending.Length];
            }
        }

        return word;
    }

    // Plurals first, then gender: "llamadas" → "llamad", "lento" → "lent". A stem is searched as a
    // prefix, so it may stop short of the word's root, never past it.
    private static readonly string[] Endings = ["os", "as", "es", "o", "a", "e"];
}
