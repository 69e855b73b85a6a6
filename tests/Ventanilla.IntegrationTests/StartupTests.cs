using System.Net;
using Npgsql;
using Ventanilla.Data;

namespace Ventanilla.IntegrationTests;

/// <summary>Bad settings stop the service before it touches the database, with a message that says what to fix.</summary>
public class StartupTests
{
    private static async Task<Exception> StartFailure(DatabaseKind database, Dictionary<string, string?> settings)
    {
        var error = await Record.ExceptionAsync(async () => await (await VentanillaApp.StartAsync(database, settings)).DisposeAsync());
        Assert.NotNull(error);
        return error;
    }

    [Fact]
    public async Task Start_WithUnknownDatabaseProvider_SaysWhichOnesExist()
    {
        var error = await StartFailure(DatabaseKind.Sqlite, new() { ["Database:Provider"] = "Oracle" });

        Assert.Contains("Use Sqlite or Postgres", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_OnPostgresWithoutConnectionString_AsksForOne()
    {
        var error = await StartFailure(DatabaseKind.Sqlite, new() { ["Database:Provider"] = "Postgres", ["Database:ConnectionString"] = "" });

        Assert.Contains("Database:ConnectionString is empty", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithBadFolioPrefix_FailsBeforeCreatingTheDatabase()
    {
        var file = Path.Combine(Path.GetTempPath(), "ventanilla-tests", $"{Guid.NewGuid():N}.db");
        var error = await StartFailure(DatabaseKind.Sqlite, new() { ["Provider:FolioPrefix"] = "nm-1", ["Database:ConnectionString"] = $"Data Source={file}" });

        Assert.Contains("Provider:FolioPrefix", error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task Start_WithShortBootstrapKey_Refuses()
    {
        var error = await StartFailure(DatabaseKind.Sqlite, new() { ["Bootstrap:ApiKey"] = "abc" });

        Assert.Contains("at least 20 characters", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithAnotherProvidersPrefix_UsesIt()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string?> { ["Provider:FolioPrefix"] = "MR" });

        var (_, body, _) = await app.Api().PostAsync("/api/v1/tickets", Json.Fault());

        Assert.StartsWith("MR-", body.Str("folio"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_WhenTheDatabaseIsGone_Is503()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Postgres);
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        var name = new NpgsqlConnectionStringBuilder(app.Database.ConnectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer) { Database = "postgres" }.ConnectionString))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE {name} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }
}
