using System.Text.RegularExpressions;

namespace Ventanilla.IntegrationTests.RoleTable;

/// <summary>What docs/roles.md says of one row: its page or endpoint, and each role's answer.</summary>
internal sealed record RoleRow(string Key, IReadOnlyDictionary<string, string> Answers)
{
    /// <summary>"GET /x" for an endpoint; a page's rows name only its path and are opened with GET.</summary>
    public string Method => Key.Contains(' ', StringComparison.Ordinal) ? Key[..Key.IndexOf(' ', StringComparison.Ordinal)] : "GET";

    public string Path => Key.Contains(' ', StringComparison.Ordinal) ? Key[(Key.IndexOf(' ', StringComparison.Ordinal) + 1)..] : Key;
}

/// <summary>
/// docs/roles.md read as data: the rows of its role tables (a column per role) and of its public
/// table, so the test walks the document itself and the two cannot drift apart.
/// </summary>
internal static partial class RoleTableDocument
{
    public static (IReadOnlyList<RoleRow> Staff, IReadOnlyList<string> Public) Read()
    {
        var staff = new List<RoleRow>();
        var open = new List<string>();
        string[]? header = null;
        foreach (var line in File.ReadLines(Locate()))
        {
            if (!line.StartsWith('|'))
            {
                header = null;
                continue;
            }

            var cells = line.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (header is null)
            {
                header = cells;
                continue;
            }

            if (Code().Match(cells[0]) is not { Success: true } code)
            {
                continue;
            }

            var roles = header.Select((name, column) => (name, column)).Where(h => Staff.Roles.IsKnown(h.name)).ToArray();
            if (roles.Length == 0)
            {
                open.Add(code.Groups[1].Value);
            }
            else
            {
                staff.Add(new RoleRow(code.Groups[1].Value, roles.ToDictionary(r => r.name, r => cells[r.column])));
            }
        }

        return (staff, open);
    }

    private static string Locate()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var file = System.IO.Path.Combine(directory.FullName, "docs", "roles.md");
            if (File.Exists(file))
            {
                return file;
            }
        }

        throw new InvalidOperationException("docs/roles.md was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("^`([^`]+)`$")]
    private static partial Regex Code();
}
