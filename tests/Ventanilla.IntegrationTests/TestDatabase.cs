using Microsoft.EntityFrameworkCore;
using Npgsql;
using Ventanilla.Data;

namespace Ventanilla.IntegrationTests;

/// <summary>A database of its own for one test, on SQLite or on the PostgreSQL server test.sh started.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private const string ServerVariable = "VENTANILLA_TEST_POSTGRES";
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static bool templateReady;

    private TestDatabase(DatabaseKind kind, string connectionString, string? postgresName)
    {
        Kind = kind;
        ConnectionString = connectionString;
        PostgresName = postgresName;
    }

    public DatabaseKind Kind { get; }
    public string ConnectionString { get; }
    private string? PostgresName { get; }

    /// <param name="migrated">False for an empty database, for a test of migrating one.</param>
    public static Task<TestDatabase> CreateAsync(DatabaseKind kind, bool migrated = true) => kind switch
    {
        DatabaseKind.Sqlite => Task.FromResult(Sqlite(migrated)),
        _ => PostgresAsync(migrated),
    };

    private static TestDatabase Sqlite(bool migrated)
    {
        var directory = Path.Combine(Path.GetTempPath(), "ventanilla-tests");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, $"{Guid.NewGuid():N}.db");
        // Like PostgreSQL's template: a copy of a database migrated once is far quicker than migrating each.
        if (migrated)
        {
            File.Copy(SqliteTemplate.Value, file);
        }

        return new TestDatabase(DatabaseKind.Sqlite, $"Data Source={file}", null);
    }

    private static readonly Lazy<string> SqliteTemplate = new(BuildSqliteTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    // One file per test process, migrated, checkpointed and closed, so a copy of the file alone is a whole database.
    private static string BuildSqliteTemplate()
    {
        var directory = Path.Combine(Path.GetTempPath(), "ventanilla-tests");
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, $"template-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
        var options = new DbContextOptionsBuilder<SqliteVentanillaDbContext>();
        DataFeature.ConfigureSqlite(options, $"Data Source={file};Pooling=False");
        using (var db = new SqliteVentanillaDbContext(options.Options))
        {
            db.Database.Migrate();
            // The service opens databases in WAL mode, and EF first opens an existing file read-only,
            // where the mode cannot change: the template stays in WAL, with everything checkpointed
            // into the file itself (closing the last connection removes the empty -wal).
            db.Database.ExecuteSqlRaw("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(file);
        return file;
    }

    public static string PostgresServer => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server
        ? server
        : throw new InvalidOperationException(
            $"{ServerVariable} is not set. Run the tests through ./test.sh, which starts a throwaway PostgreSQL " +
            $"and sets it, or point it at a server you own, e.g. {ServerVariable}=\"Host=127.0.0.1;Port=5432;Username=postgres\".");

    private static async Task<TestDatabase> PostgresAsync(bool migrated)
    {
        var server = PostgresServer;
        var name = $"vt_{Guid.NewGuid():N}";
        await TemplateLock.WaitAsync();
        try
        {
            if (!templateReady)
            {
                await BuildTemplateAsync(server);
                templateReady = true;
            }

            // Copying a migrated template is far quicker than migrating each test's database.
            await ExecuteAsync(server, migrated ? $"CREATE DATABASE {name} TEMPLATE {TemplateName}" : $"CREATE DATABASE {name}");
        }
        finally
        {
            TemplateLock.Release();
        }

        return new TestDatabase(DatabaseKind.Postgres, With(server, name), name);
    }

    /// <summary>
    /// One template per migration history, so test runs of different versions sharing a server
    /// neither rebuild nor use each other's template.
    /// </summary>
    private static readonly string TemplateName = "vt_template_" + Convert.ToHexStringLower(
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join(',', MigrationIds()))))[..12];

    private static string[] MigrationIds()
    {
        var options = new DbContextOptionsBuilder<PostgresVentanillaDbContext>();
        DataFeature.ConfigurePostgres(options, "Host=localhost");
        using var db = new PostgresVentanillaDbContext(options.Options);
        return db.Database.GetMigrations().ToArray();
    }

    private static async Task BuildTemplateAsync(string server)
    {
        // Other test processes may be building the same template: the first one does, under a lock.
        await using var connection = new NpgsqlConnection(With(server, "postgres"));
        await connection.OpenAsync();
        await using (var take = new NpgsqlCommand("SELECT pg_advisory_lock(4242)", connection))
        {
            await take.ExecuteNonQueryAsync();
        }

        try
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", TemplateName);
            if (await exists.ExecuteScalarAsync() is not null)
            {
                return;
            }

            var building = TemplateName + "_building";
            await ExecuteAsync(server, $"DROP DATABASE IF EXISTS {building} WITH (FORCE)");
            await ExecuteAsync(server, $"CREATE DATABASE {building}");
            var options = new DbContextOptionsBuilder<PostgresVentanillaDbContext>();
            DataFeature.ConfigurePostgres(options, With(server, building));
            await using (var db = new PostgresVentanillaDbContext(options.Options))
            {
                await db.Database.MigrateAsync();
            }

            NpgsqlConnection.ClearAllPools();
            // Renamed only once complete, so no process ever copies a half-migrated template.
            await ExecuteAsync(server, $"ALTER DATABASE {building} RENAME TO {TemplateName}");
        }
        finally
        {
            await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(4242)", connection);
            await release.ExecuteNonQueryAsync();
        }
    }

    private static string With(string server, string database) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(With(server, "postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A context of its own on this database, for a test that watches another process work.</summary>
    public VentanillaDbContext OpenContext()
    {
        if (Kind == DatabaseKind.Sqlite)
        {
            var sqlite = new DbContextOptionsBuilder<SqliteVentanillaDbContext>();
            DataFeature.ConfigureSqlite(sqlite, ConnectionString);
            return new SqliteVentanillaDbContext(sqlite.Options);
        }

        var postgres = new DbContextOptionsBuilder<PostgresVentanillaDbContext>();
        DataFeature.ConfigurePostgres(postgres, ConnectionString);
        return new PostgresVentanillaDbContext(postgres.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (PostgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(PostgresServer, $"DROP DATABASE IF EXISTS {PostgresName} WITH (FORCE)");
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var file = ConnectionString["Data Source=".Length..];
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }
}
