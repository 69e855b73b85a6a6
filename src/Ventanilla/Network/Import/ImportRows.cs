using System.Text.RegularExpressions;
using Ventanilla.Subscribers.Services;

namespace Ventanilla.Network.Import;

/// <summary>Which of a node's fields a source carries; the others stay as they were.</summary>
[Flags]
public enum NodeFields { None = 0, Name = 1, Kind = 2, Parent = 4, PostalCodes = 8, Neighborhoods = 16 }

/// <summary>Which of a service's fields a source carries; the others stay as they were.</summary>
[Flags]
public enum ServiceFields { None = 0, Account = 1, Node = 2, State = 4, Plan = 8, Price = 16, Cutoff = 32, Address = 64 }

/// <summary>A node as one row of a file describes it, or why the row cannot be used.</summary>
public sealed record NodeRow(int Row, string? Code, NodeFields Carries, string? Name = null, string? Kind = null,
    string? ParentCode = null, string? PostalCodes = null, string? Neighborhoods = null, string? Problem = null);

/// <summary>A service as one row of a file describes it, or why the row cannot be used.</summary>
public sealed record ServiceRow(int Row, string? Code, ServiceFields Carries, string? Account = null, string? NodeCode = null,
    ServiceState? State = null, string? Plan = null, decimal? Price = null, int? Cutoff = null,
    string? Street = null, string? Neighborhood = null, string? PostalCode = null, string? Problem = null);

/// <summary>What a parser made of a file: its rows, or why the file as a whole cannot be read.</summary>
public sealed record Parsed<T>(IReadOnlyList<T> Rows, string? Failure = null);

/// <summary>The checks every source's values go through, with their reasons in Spanish.</summary>
public static partial class ImportValues
{
    /// <summary>Postal codes as the node keeps them (comma-separated), from any list a spreadsheet holds; null with a reason when one is not five digits.</summary>
    public static string? PostalCodes(string? raw, out string? problem)
    {
        problem = null;
        if (raw is null)
        {
            return null;
        }

        var codes = Separators().Split(raw).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (codes.FirstOrDefault(c => !FiveDigits().IsMatch(c)) is { } bad)
        {
            problem = $"El código postal «{bad}» no tiene cinco dígitos.";
            return null;
        }

        var joined = string.Join(",", codes);
        if (joined.Length > NetworkNode.AreaListLength)
        {
            problem = "La lista de códigos postales es demasiado larga.";
            return null;
        }

        return joined.Length == 0 ? null : joined;
    }

    /// <summary>Colonias as the node keeps them (separated by semicolons; a colonia's name may hold a comma).</summary>
    public static string? Neighborhoods(string? raw, out string? problem)
    {
        problem = null;
        if (raw is null)
        {
            return null;
        }

        var joined = string.Join(";", raw.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase));
        if (joined.Length > NetworkNode.AreaListLength)
        {
            problem = "La lista de colonias es demasiado larga.";
            return null;
        }

        return joined.Length == 0 ? null : joined;
    }

    /// <summary>A node or service code: present and not too long.</summary>
    public static string? CodeProblem(string? code, int max, string what) =>
        code is null ? $"Falta el código del {what}."
        : code.Length > max ? $"El código del {what} pasa de {max} caracteres."
        : null;

    /// <summary>A text cut to what its column holds, so a long colonia does not cost the whole row.</summary>
    public static string? Cut(string? text, int max) => text is null ? null : text.Length > max ? text[..max] : text;

    [GeneratedRegex(@"[\s,;|/]+")]
    private static partial Regex Separators();

    [GeneratedRegex("^[0-9]{5}$")]
    private static partial Regex FiveDigits();
}
