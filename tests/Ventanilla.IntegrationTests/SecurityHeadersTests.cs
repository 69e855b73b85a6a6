using System.Net;
using Ventanilla.Data;

namespace Ventanilla.IntegrationTests;

/// <summary>What every page tells the browser to refuse, and the console's own doors: sign-out and return addresses.</summary>
public class SecurityHeadersTests
{
    private static void AssertHeaders(HttpResponseMessage response, string referrerPolicy)
    {
        var url = response.RequestMessage!.RequestUri!.PathAndQuery;
        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.True(policy.Contains("script-src 'self'", StringComparison.Ordinal), $"{url}: {policy}");
        Assert.True(policy.Contains("frame-ancestors 'none'", StringComparison.Ordinal), $"{url}: {policy}");
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(referrerPolicy, Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Console_and_portal_pages_carry_a_script_policy_no_framing_nosniff_and_a_referrer_policy()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite);
        using var anonymous = ConsoleClient.Anonymous(app);
        using var admin = await ConsoleClient.SignInAsync(app);

        AssertHeaders(await anonymous.Http.GetAsync("/entrar"), "same-origin");
        AssertHeaders(await admin.Http.GetAsync("/"), "same-origin");
        AssertHeaders(await admin.Http.GetAsync("/admin/usuarios"), "same-origin");
        AssertHeaders(await admin.Http.GetAsync("/no-existe"), "same-origin");
        AssertHeaders(await anonymous.Http.GetAsync("/portal"), "no-referrer");
        AssertHeaders(await anonymous.Http.GetAsync("/portal/cancelar"), "no-referrer");
    }

    [Fact]
    public async Task Sign_out_refuses_a_get_and_a_post_without_the_forms_token()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite);
        using var admin = await ConsoleClient.SignInAsync(app);

        await admin.Http.GetAsync("/salir");
        var tokenless = await admin.Http.PostAsync("/salir", new FormUrlEncodedContent([]));
        var stillIn = await admin.Http.GetAsync("/");
        var signedOut = await admin.SignOutAsync();
        var afterwards = await admin.Http.GetAsync("/");

        Assert.Equal(HttpStatusCode.BadRequest, tokenless.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
        Assert.Equal("/entrar", ConsoleClient.Location(signedOut));
        Assert.Equal(HttpStatusCode.Found, afterwards.StatusCode);
    }

    public static TheoryData<string> Malformed() =>
    [
        "%ZZ", "/%ZZ", "http://evil.example/", "//evil.example/", "/%5Cevil.example", "%2F%2Fevil.example",
        "/%0D%0ASet-Cookie:%20x=1", "/%01", "/%C3%B1", "/" + new string('a', 20_000),
    ];

    [Theory, MemberData(nameof(Malformed))]
    public async Task A_malformed_return_address_never_fails_and_never_leaves_the_site(string volver)
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite);
        using var browser = ConsoleClient.Anonymous(app);

        var page = await browser.Http.GetAsync("/entrar?volver=" + volver);
        var signedIn = await browser.PostFormAsync("/entrar?volver=" + volver, "entrar", new()
            { ["Input.Email"] = ConsoleClient.AdminEmail, ["Input.Password"] = ConsoleClient.AdminPassword });
        var language = await browser.Http.GetAsync("/idioma?cultura=en&volver=" + volver);

        Assert.True((int)page.StatusCode < 500, $"GET /entrar answered {(int)page.StatusCode}");
        Assert.Equal((HttpStatusCode.Found, "/"), (signedIn.StatusCode, ConsoleClient.Location(signedIn)));
        Assert.Equal((HttpStatusCode.Found, "/"), (language.StatusCode, ConsoleClient.Location(language)));
    }

    [Fact]
    public async Task A_proper_return_address_is_kept()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite);
        using var browser = ConsoleClient.Anonymous(app);

        var signedIn = await browser.PostFormAsync("/entrar?volver=%2Fsuscriptores%3Fq%3DPe%25C3%25B1a", "entrar", new()
            { ["Input.Email"] = ConsoleClient.AdminEmail, ["Input.Password"] = ConsoleClient.AdminPassword });

        Assert.Equal("/suscriptores?q=Pe%C3%B1a", ConsoleClient.Location(signedIn));
    }
}
