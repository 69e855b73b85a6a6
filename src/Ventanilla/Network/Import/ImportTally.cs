using System.Text.Json;

namespace Ventanilla.Network.Import;

/// <summary>One row an import could not use: where it is in the file, what it named, and why, in Spanish.</summary>
public sealed record ImportRefusal(int Row, string? Code, string Reason);

/// <summary>Every refused row is counted; only the first <see cref="ImportRun.KeptRefusals"/> are kept with their reasons.</summary>
public sealed class ImportRefusals
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly List<ImportRefusal> kept = [];

    public int Count { get; private set; }

    public IReadOnlyList<ImportRefusal> Kept => kept;

    public void Add(int row, string? code, string reason)
    {
        Count++;
        if (kept.Count < ImportRun.KeptRefusals)
        {
            kept.Add(new ImportRefusal(row, code, reason));
        }
    }

    public string? ToJson() => kept.Count == 0 ? null : JsonSerializer.Serialize(kept.OrderBy(r => r.Row), Json);

    public static IReadOnlyList<ImportRefusal> FromJson(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<List<ImportRefusal>>(json, Json) ?? [];
}

/// <summary>What a run did so far: the figures the page and the API show.</summary>
public sealed class ImportTally
{
    public int? Total { get; set; }
    public int Read { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Unmatched { get; set; }
    public ImportRefusals Refusals { get; } = new();
}
