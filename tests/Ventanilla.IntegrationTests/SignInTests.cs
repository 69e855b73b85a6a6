using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Data;
using Ventanilla.Staff;

namespace Ventanilla.IntegrationTests;

/// <summary>The sign-in page tells nobody which accounts exist and lets no stranger lock anyone out.</summary>
public class SignInTests
{
    private const string Password = "Persona-Password-1";
    private const string Refused = "El correo o la contraseña no son correctos.";
    private const string Locked = "bloqueada";
    private const string Throttled = "Demasiados intentos fallidos desde esta conexión";

    /// <summary>A browser whose requests come from <paramref name="address"/>, as the reverse proxy reports it.</summary>
    private static ConsoleClient From(WebApplicationFactory<Program> app, string address)
    {
        var http = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return new ConsoleClient(http);
    }

    private static async Task<string> PageAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    [Theory, BothDatabases]
    public async Task An_unknown_account_costs_the_same_password_hashing_and_gets_the_same_answer_as_a_wrong_password(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        await FollowUpRulesSteps.CreateUserAsync(app, "agente@localhost", Roles.Agent);
        var hasher = new CountingHasher();
        await using var node = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<StaffUser>>(hasher)));
        using var browser = From(node, "203.0.113.5");
        await browser.Http.GetAsync("/entrar");

        var before = hasher.Checks;
        var unknown = await browser.SignInAsync("nadie@localhost", "Una-Clave-Cualquiera-1");
        var unknownChecks = hasher.Checks - before;
        var wrong = await browser.SignInAsync("agente@localhost", "Una-Clave-Cualquiera-1");
        var wrongChecks = hasher.Checks - before - unknownChecks;

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (unknown.StatusCode, wrong.StatusCode));
        Assert.Contains(Refused, await PageAsync(unknown), StringComparison.Ordinal);
        Assert.Contains(Refused, await PageAsync(wrong), StringComparison.Ordinal);
        Assert.Equal((1, 1), (unknownChecks, wrongChecks));
    }

    [Theory, BothDatabases]
    public async Task A_locked_account_says_so_only_to_whoever_gives_its_right_password(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var agent = await FollowUpRulesSteps.CreateUserAsync(app, "agente@localhost", Roles.Agent);
        await app.WithDbAsync(async db =>
        {
            // Far enough ahead that no day the test runs on reaches it, yet short of "disabled".
            var user = await db.Users.SingleAsync(u => u.Id == agent.Id);
            user.LockoutEnd = new DateTimeOffset(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);
            return await db.SaveChangesAsync();
        });
        using var browser = ConsoleClient.Anonymous(app);

        var wrong = await PageAsync(await browser.SignInAsync("agente@localhost", "No-Es-La-Clave-1"));
        var right = await PageAsync(await browser.SignInAsync("agente@localhost", Password));

        Assert.Contains(Refused, wrong, StringComparison.Ordinal);
        Assert.DoesNotContain(Locked, wrong, StringComparison.Ordinal);
        Assert.Contains(Locked, right, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_stranger_guessing_from_one_address_is_stopped_there_while_the_owner_signs_in_from_another(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        await FollowUpRulesSteps.CreateUserAsync(app, "agente@localhost", Roles.Agent);
        using var stranger = From(app, "203.0.113.9");
        using var owner = From(app, "198.51.100.7");

        for (var guess = 0; guess < 5; guess++)
        {
            Assert.Contains(Refused, await PageAsync(await stranger.SignInAsync("agente@localhost", $"Adivinanza-{guess}-Clave")), StringComparison.Ordinal);
        }

        var sixth = await stranger.SignInAsync("agente@localhost", Password);
        var ownersTurn = await owner.SignInAsync("agente@localhost", Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Contains(Throttled, await PageAsync(sixth), StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Found, "/"), (ownersTurn.StatusCode, ConsoleClient.Location(ownersTurn)));
        Assert.Null(await app.WithDbAsync(db => db.Users.Where(u => u.Email == "agente@localhost").Select(u => u.LockoutEnd).SingleAsync()));
    }

    [Theory, BothDatabases]
    public async Task Guessing_at_many_accounts_from_one_address_is_stopped_with_the_same_answer_for_known_and_unknown_ones(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database, new Dictionary<string, string?> { ["SignIn:PerAddressFailures"] = "3" });
        await FollowUpRulesSteps.CreateUserAsync(app, "agente@localhost", Roles.Agent);
        using var guesser = From(app, "203.0.113.20");

        foreach (var email in new[] { "uno@localhost", "dos@localhost", "tres@localhost" })
        {
            await guesser.SignInAsync(email, "Una-Clave-Cualquiera-1");
        }

        var known = await guesser.SignInAsync("agente@localhost", Password);
        var unknown = await guesser.SignInAsync("cuatro@localhost", "Una-Clave-Cualquiera-1");

        Assert.Equal((HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests), (known.StatusCode, unknown.StatusCode));
        Assert.Contains(Throttled, await PageAsync(known), StringComparison.Ordinal);
        Assert.Contains(Throttled, await PageAsync(unknown), StringComparison.Ordinal);
    }

    /// <summary>The real hasher, counting how often a password is checked.</summary>
    private sealed class CountingHasher : IPasswordHasher<StaffUser>
    {
        private readonly PasswordHasher<StaffUser> real = new();
        private int checks;

        public int Checks => checks;

        public string HashPassword(StaffUser user, string password) => real.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref checks);
            return real.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Theory, BothDatabases]
    public async Task A_successful_sign_in_hashes_the_password_once(DatabaseKind database)
    {
        // The password hash is the costliest step of a sign-in: checking it twice doubles the work.
        await using var app = await VentanillaApp.StartAsync(database);
        var hasher = new CountingHasher();
        await using var node = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<StaffUser>>(hasher)));
        using var browser = From(node, "203.0.113.7");
        await browser.Http.GetAsync("/entrar");

        var before = hasher.Checks;
        var signedIn = await browser.SignInAsync(ConsoleClient.AdminEmail, ConsoleClient.AdminPassword);

        Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
        Assert.Equal(1, hasher.Checks - before);
    }
}
