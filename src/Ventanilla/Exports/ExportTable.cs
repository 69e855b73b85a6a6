namespace Ventanilla.Exports;

public enum ExportFormat { Csv, Xlsx }

/// <summary>How a column's cells are written: text, a number the sheet can sum, a moment or a day.</summary>
public enum CellKind
{
    Text,
    Number,

    /// <summary>A moment stored in UTC, written in the provider's zone.</summary>
    Moment,
    Day,
}

public sealed record ExportColumn(string Header, CellKind Kind = CellKind.Text);

/// <summary>
/// A table to export: Spanish headers, the rows as they are read from the database (never all in
/// memory at once), and the filters that chose them, which go into the manifest. Cells are
/// <c>null</c>, <see cref="string"/>, a number, <see cref="DateTime"/> (UTC), <see cref="DateOnly"/> or <see cref="bool"/>.
/// </summary>
/// <param name="Name">The file's base name and the report's key in the audit trail: <c>bandeja</c>, <c>cumplimiento</c>.</param>
/// <param name="Title">What a person calls it, in Spanish; the sheet's name.</param>
public sealed record ExportTable(
    string Name,
    string Title,
    IReadOnlyList<ExportColumn> Columns,
    IAsyncEnumerable<object?[]> Rows,
    IReadOnlyList<KeyValuePair<string, string>> Filters);

/// <summary>What the audit trail keeps of an export, and what its response headers say.</summary>
public sealed record ExportManifest(
    string Name,
    string Title,
    string Format,
    string ActorId,
    string ActorName,
    DateTime At,
    IReadOnlyList<KeyValuePair<string, string>> Filters,
    long Rows,
    long Bytes,
    string Sha256);
