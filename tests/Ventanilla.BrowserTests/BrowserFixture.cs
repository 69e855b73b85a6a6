using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Ventanilla.Staff;

namespace Ventanilla.BrowserTests;

/// <summary>One running service and one Chromium per test class; each test opens its own context.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";
    public const string StaffPassword = "Staff-Password-123";

    private BrowserApp? app;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private int staffCount;
    private Task? demoData;

    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        // Playwright must never download a browser: the tests use the distribution's Chromium.
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {Chromium}. Run the tests through ./test.sh, which installs it " +
                "from Debian's packages, or install it yourself: apt-get install chromium.");
        }

        // Two cores run the service, Chromium and other test assemblies at once: allow more than 5 s.
        Assertions.SetDefaultExpectTimeout(15_000);
        app = new BrowserApp();
        BaseUrl = app.Start();
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (no cookies, Spanish) at desktop size.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseUrl,
            Locale = "es-MX",
            ViewportSize = Looks.Desktop,
        });
        return await context.NewPageAsync();
    }

    /// <summary>A staff member with one role, created as an administrator would, with a unique email.</summary>
    public async Task<string> CreateStaffAsync(string role, string name = "Persona de prueba")
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        // Unique within this fixture's database, and as short as a real address so screenshots look real.
        var email = string.Create(CultureInfo.InvariantCulture, $"{role.Replace('_', '.')}{Interlocked.Increment(ref staffCount)}@netmas.mx");
        var user = new StaffUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
        Check(await users.CreateAsync(user, StaffPassword));
        Check(await users.AddToRoleAsync(user, role));
        return email;
    }

    /// <summary>A fresh page signed in as a new staff member with <paramref name="role"/>.</summary>
    public async Task<IPage> SignedInPageAsync(string role, string name = "Persona de prueba")
    {
        var email = await CreateStaffAsync(role, name);
        var page = await NewPageAsync();
        await page.SignInAsync(email, StaffPassword);
        return page;
    }

    /// <summary>A fresh page signed in as the bootstrap administrator.</summary>
    public async Task<IPage> AdminPageAsync()
    {
        var page = await NewPageAsync();
        await page.SignInAsync(BrowserApp.AdminEmail, BrowserApp.AdminPassword);
        return page;
    }

    /// <summary>
    /// Loads the demo data set into this class's database, once however many tests ask: pages then
    /// look as they do at a provider, with staff, subscribers and tickets in every status.
    /// </summary>
    public Task SeedDemoDataAsync() =>
        LazyInitializer.EnsureInitialized(ref demoData, () => Demo.DemoData.SeedAsync(Services));

    /// <summary>The running service's services, for arranging data and checking what was stored.</summary>
    public IServiceProvider Services => App.Services;

    private BrowserApp App => app ?? throw new InvalidOperationException("The fixture has not started.");

    private IBrowser Browser => browser ?? throw new InvalidOperationException("The fixture has not started.");

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
