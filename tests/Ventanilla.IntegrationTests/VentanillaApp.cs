using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        string? storagePath = null, TestClock? clock = null)
    {
        Database = database;
        Clock = clock ?? new TestClock();
        StoragePath = storagePath ?? Path.Combine(Path.GetTempPath(), "ventanilla-files-" + Guid.NewGuid().ToString("N"));
        this.ownsDatabase = ownsDatabase;
        this.settings = settings ?? new Dictionary<string, string?>();
    }

    public TestDatabase Database { get; }

    /// <summary>The service's clock: a fixed business-hours start (see <see cref="TestClock"/>) that a test may move.</summary>
    public TestClock Clock { get; }

    /// <summary>Now, by the service's clock.</summary>
    public DateTime Now => Clock.UtcNow;

    /// <summary>Where this instance keeps attachment contents; a restart keeps the same place, like a real disk.</summary>
    public string StoragePath { get; }

    /// <param name="now">The instant the service's clock starts at, for a test about a particular day or hour.</param>
    public static async Task<VentanillaApp> StartAsync(DatabaseKind kind, IReadOnlyDictionary<string, string?>? settings = null,
        DateTimeOffset? now = null)
    {
        var app = new VentanillaApp(await TestDatabase.CreateAsync(kind), ownsDatabase: true, settings, clock: new TestClock(now));
        _ = app.Server; // start now, so migrations and bootstrap run before the test acts
        return app;
    }

    /// <summary>An instance on a database that already exists (one another process used); the database stays.</summary>
    public static VentanillaApp StartOn(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null, string? storagePath = null,
        TestClock? clock = null)
    {
        var app = new VentanillaApp(database, ownsDatabase: false, settings, storagePath, clock);
        _ = app.Server;
        return app;
    }

    /// <summary>Stops this instance and starts a new process on the same database; its clock runs on.</summary>
    public async Task<VentanillaApp> RestartAsync()
    {
        ownsDatabase = false;
        await base.DisposeAsync();
        var app = new VentanillaApp(Database, ownsDatabase: true, settings, StoragePath, Clock);
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

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            // These tests ask who may sign in, not how slowly a stolen hash cracks: at the production
            // count each hash costs tens of milliseconds, and the suite hashes thousands of times.
            // The count is stored in each hash, so checking one still runs Identity's real code.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
        });
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
        var (key, secret) = ApiKey.Generate($"prueba {role}", role, Now);
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
