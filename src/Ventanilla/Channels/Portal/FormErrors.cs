namespace Ventanilla.Channels.Portal;

internal static class FormErrors
{
    private static readonly Dictionary<string, string[]> None = [];

    public static IReadOnlyDictionary<string, string[]> Empty => None;

    public static IReadOnlyList<string> For(this IReadOnlyDictionary<string, string[]> errors, string field) =>
        errors.TryGetValue(field, out var list) ? list : [];
}
