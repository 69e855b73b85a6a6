using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Data;
using Ventanilla.Staff;

namespace Ventanilla.IntegrationTests;

/// <summary>The real service in memory, on a database of its own for the test's life.</summary>
public sealed class VentanillaApp : WebApplicationFactory<Program>
{
    public const string AdminKey = "vnt_test_admin_key_0123456789abcdef";

    private bool ownsDatabase;

    private readonly IReadOnlyDictionary<string, string?> settings;

    private VentanillaApp(TestDatabase database, bool ownsDatabase, IReadOnlyDictionary<string, string?>? settings = null,
        string? storagePath = null)
    {
        Database = database;
        StoragePath = storagePath ?? Path.Combine(Path.GetTempPath(), "ventanilla-files-" + Guid.NewGuid().ToString("N"));
        this.ownsDatabase = ownsDatabase;
        this.settings = settings ?? new Dictionary<string, string?>();
    }

    public TestDatabase Database { get; }

    /// <summary>Where this instance keeps attachment contents; a restart keeps the same place, like a real disk.</summary>
    public string StoragePath { get; }

    public static async Task<VentanillaApp> StartAsync(DatabaseKind kind, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = new VentanillaApp(await TestDatabase.CreateAsync(kind), ownsDatabase: true, settings);
        _ = app.Server; // start now, so migrations and bootstrap run before the test acts
        return app;
    }

    /// <summary>Stops this instance and starts a new process on the same database.</summary>
    public async Task<VentanillaApp> RestartAsync()
    {
        ownsDatabase = false;
        await base.DisposeAsync();
        var app = new VentanillaApp(Database, ownsDatabase: true, settings, StoragePath);
        _ = app.Server;
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Kind.ToString());
        builder.UseSetting("Database:ConnectionString", Database.ConnectionString);
        builder.UseSetting("Storage:Path", StoragePath);
        builder.UseSetting("Bootstrap:ApiKey", AdminKey);
        builder.UseSetting("Bootstrap:AdminPassword", "Admin-Password-123");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public HttpClient Api(string key = AdminKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public async Task<string> CreateApiKeyAsync(string role)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        var (key, secret) = ApiKey.Generate($"prueba {role}", role, DateTime.UtcNow);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync();
        return secret;
    }

    public async Task<T> WithDbAsync<T>(Func<VentanillaDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<VentanillaDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (ownsDatabase)
        {
            await Database.DisposeAsync();
            if (Directory.Exists(StoragePath))
            {
                Directory.Delete(StoragePath, recursive: true);
            }
        }
    }
}
