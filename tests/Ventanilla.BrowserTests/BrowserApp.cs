using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Ventanilla.IntegrationTests;

namespace Ventanilla.BrowserTests;

/// <summary>
/// The real service on a loopback port a browser can reach, with a SQLite database of its own:
/// these tests look at pages, and the data layer is tested on both databases elsewhere.
/// </summary>
public sealed class BrowserApp : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@localhost";
    public const string AdminPassword = "Admin-Password-123";

    /// <summary>An administrator's API key, so tests can file reports the way integrations do.</summary>
    public const string ApiKey = "pruebas-de-navegador-0123456789";

    private readonly string databaseFile;

    /// <summary>The service's clock: what the pages call now and today does not depend on when the tests run.</summary>
    public TestClock Clock { get; } = new();

    public BrowserApp()
    {
        var directory = Path.Combine(Path.GetTempPath(), "ventanilla-browser-tests");
        Directory.CreateDirectory(directory);
        databaseFile = Path.Combine(directory, $"{Guid.NewGuid():N}.db");
        // Port 0: the system picks a free one, so test classes and other services never collide.
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Starts the service and returns where it listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return addresses.Single();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the stylesheet is only found through the build's asset manifest.
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={databaseFile}");
        builder.UseSetting("Bootstrap:AdminPassword", AdminPassword);
        builder.UseSetting("Bootstrap:ApiKey", ApiKey);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // An email channel that can send, so the portal offers its one-time code; nothing is ever sent.
        builder.UseSetting("Email:RunInBackground", "false");
        builder.UseSetting("Email:Mailboxes:0:Address", "contacto@netmas.mx");
        builder.UseSetting("Email:Mailboxes:0:Imap:Host", "127.0.0.1");
        builder.UseSetting("Email:Mailboxes:0:Imap:Port", "1");
        builder.UseSetting("Email:Mailboxes:0:Imap:Security", "None");
        builder.UseSetting("Email:Mailboxes:0:Imap:Username", "nadie");
        builder.UseSetting("Email:Mailboxes:0:Imap:Password", "nada");
        builder.UseSetting("Email:Mailboxes:0:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Email:Mailboxes:0:Smtp:Port", "1");
        builder.UseSetting("Email:Mailboxes:0:Smtp:Security", "None");
        builder.UseSetting("Email:Mailboxes:0:Smtp:Username", "nadie");
        builder.UseSetting("Email:Mailboxes:0:Smtp:Password", "nada");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" })
        {
            File.Delete(path);
        }
    }
}
