using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ventanilla.IntegrationTests;

/// <summary>
/// A browser without JavaScript: keeps the console's cookies, reads pages, and posts their
/// server-rendered forms the way a person submitting them would, antiforgery token included.
/// </summary>
public sealed partial class ConsoleClient(HttpClient http) : IDisposable
{
    public const string AdminEmail = "admin@localhost";
    public const string AdminPassword = "Admin-Password-123";

    public HttpClient Http { get; } = http;

    public static ConsoleClient Anonymous(VentanillaApp app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false }));

    /// <summary>Signs in through the /entrar form and fails the test unless that worked outright.</summary>
    public static async Task<ConsoleClient> SignInAsync(VentanillaApp app, string email = AdminEmail, string password = AdminPassword)
    {
        var client = Anonymous(app);
        var response = await client.SignInAsync(email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Found, $"Sign-in as {email} answered {(int)response.StatusCode}.");
        Assert.Equal("/", Location(response));
        return client;
    }

    /// <summary>Posts the sign-in form; the answer says where it leads (home, or the two-factor step).</summary>
    public Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        PostFormAsync("/entrar", "entrar", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>Signs out with the header's button, its antiforgery token included.</summary>
    public async Task<HttpResponseMessage> SignOutAsync()
    {
        var html = await (await Http.GetAsync("/")).Content.ReadAsStringAsync();
        var form = Forms().Matches(html).FirstOrDefault(f => f.Value.Contains("action=\"/salir\"", StringComparison.Ordinal));
        Assert.True(form is not null, $"The home page has no sign-out form: {html}");
        using var content = new FormUrlEncodedContent(HiddenInputs(form.Value));
        return await Http.PostAsync("/salir", content);
    }

    /// <summary>The page's HTML with character references decoded, so tests can look for "Peña" as written.</summary>
    public async Task<string> GetPageAsync(string url)
    {
        var response = await Http.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {html}");
        return WebUtility.HtmlDecode(html);
    }

    /// <summary>
    /// Opens the page and posts its form named <paramref name="formName"/>: the form's hidden
    /// inputs (antiforgery token, versions) as the page wrote them, then the given fields over them.
    /// </summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, string formName, Dictionary<string, string> fields)
    {
        var page = await Http.GetAsync(url);
        var html = await page.Content.ReadAsStringAsync();
        var form = Forms().Matches(html).FirstOrDefault(f => HiddenInputs(f.Value).GetValueOrDefault("_handler") == formName);
        Assert.True(form is not null, $"GET {url} ({(int)page.StatusCode}) has no form named {formName}: {html}");
        var body = HiddenInputs(form.Value);
        foreach (var (name, value) in fields)
        {
            body[name] = value;
        }

        using var content = new FormUrlEncodedContent(body);
        return await Http.PostAsync(url, content);
    }

    private static Dictionary<string, string> HiddenInputs(string formHtml)
    {
        var hidden = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in Inputs().Matches(formHtml))
        {
            var attributes = Attributes().Matches(input.Value)
                .ToDictionary(a => a.Groups["name"].Value, a => WebUtility.HtmlDecode(a.Groups["value"].Value), StringComparer.OrdinalIgnoreCase);
            if (attributes.GetValueOrDefault("type") == "hidden" && attributes.TryGetValue("name", out var name))
            {
                hidden[name] = attributes.GetValueOrDefault("value") ?? "";
            }
        }

        return hidden;
    }

    /// <summary>Posts a form and returns the page it answered with (decoded), failing on a redirect or an error.</summary>
    public async Task<string> PostFormForPageAsync(string url, string formName, Dictionary<string, string> fields)
    {
        var response = await PostFormAsync(url, formName, fields);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {url} answered {(int)response.StatusCode} {response.Headers.Location}: {html}");
        return WebUtility.HtmlDecode(html);
    }

    /// <summary>The path and query a redirect leads to, whether the server wrote it absolute or not.</summary>
    public static string? Location(HttpResponseMessage response) => response.Headers.Location is not { } location ? null
        : location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("<form\\b.*?</form>", RegexOptions.Singleline)]
    private static partial Regex Forms();

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex Inputs();

    [GeneratedRegex("(?<name>[\\w.-]+)=\"(?<value>[^\"]*)\"")]
    private static partial Regex Attributes();
}
