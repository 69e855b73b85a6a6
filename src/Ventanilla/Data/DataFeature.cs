using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using Ventanilla.Intake;

namespace Ventanilla.Data;

public static class DataFeature
{
    public static IHostApplicationBuilder AddData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        switch (options.Provider.ToUpperInvariant())
        {
            case "SQLITE":
                var sqlite = SqliteConnection(options.ConnectionString ?? DatabaseOptions.SqliteDefault);
                builder.Services.AddDbContextPool<VentanillaDbContext, SqliteVentanillaDbContext>((sp, o) => ConfigureSqlite(o.AddInterceptors(sp.GetRequiredService<Deadlines.Rules.ClockKeeper>()), sqlite));
                break;
            case "POSTGRES" or "POSTGRESQL":
                var postgres = string.IsNullOrWhiteSpace(options.ConnectionString)
                    ? throw new InvalidOperationException(
                        "Database:Provider is Postgres but Database:ConnectionString is empty. Give an Npgsql connection string, " +
                        "e.g. Host=127.0.0.1;Port=5432;Database=ventanilla;Username=ventanilla;Password=...")
                    : options.ConnectionString;
                builder.Services.AddDbContextPool<VentanillaDbContext, PostgresVentanillaDbContext>((sp, o) => ConfigurePostgres(o.AddInterceptors(sp.GetRequiredService<Deadlines.Rules.ClockKeeper>()), postgres));
                break;
            default:
                throw new InvalidOperationException(
                    $"Database:Provider is '{options.Provider}', which Ventanilla does not know. Use Sqlite or Postgres.");
        }

        builder.Services.AddSingleton<FolioAllocator>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    // A subscriber loads four collections (phones, emails, WhatsApp ids, addresses); joined in one
    // query they would multiply each other's rows, so collections load in queries of their own.
    // Each provider's migrations are generated into an assembly of their own (see ProviderMigrations).
    internal static void ConfigureSqlite(DbContextOptionsBuilder o, string connectionString) =>
        o.UseSqlite(connectionString, x => x.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery).MigrationsAssembly(SqliteMigrations))
            .UseSnakeCaseNamingConvention().AddInterceptors(new SqlitePragmas())
            .ReplaceService<IMigrationsAssembly, ProviderMigrations>();

    internal static void ConfigurePostgres(DbContextOptionsBuilder o, string connectionString) =>
        o.UseNpgsql(connectionString, x => x.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery).MigrationsAssembly(PostgresMigrations))
            .UseSnakeCaseNamingConvention()
            .ReplaceService<IMigrationsAssembly, ProviderMigrations>();

    internal const string SqliteMigrations = "Ventanilla.Migrations.Sqlite";
    internal const string PostgresMigrations = "Ventanilla.Migrations.Postgres";

    /// <summary>Applies the migrations of whichever database is configured, creating it if needed.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        // Settings are checked before the database is touched, so a typo changes nothing.
        app.Services.GetService<IStartupValidator>()?.Validate();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        await db.Database.MigrateAsync();
    }

    private static string SqliteConnection(string connectionString)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.DataSource is { Length: > 0 } file && file != ":memory:" && csb.Mode != SqliteOpenMode.Memory)
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        // Writers queue on SQLite's single write lock; give them time rather than failing.
        if (csb.DefaultTimeout < 30)
        {
            csb.DefaultTimeout = 30;
        }

        return csb.ToString();
    }
}
