namespace Ventanilla.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (the embedded default) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Required for PostgreSQL; SQLite defaults to a file under data/.</summary>
    public string? ConnectionString { get; set; }

    public const string SqliteDefault = "Data Source=data/ventanilla.db";
}
