using System.Net;
using System.Text.Json;

namespace Ventanilla.IntegrationTests.Hostile;

/// <summary>What every answer to hostile input must be: never a 5xx, and every refusal in Spanish.</summary>
internal static class HostileRules
{
    // The framework's English defaults: a refusal carrying one of these was never translated.
    private static readonly HashSet<string> EnglishTitles =
    [
        "Bad Request", "Unauthorized", "Forbidden", "Not Found", "Conflict", "Method Not Allowed", "Unsupported Media Type",
        "Payload Too Large", "Too Many Requests", "One or more validation errors occurred.", "An error occurred while processing your request.",
    ];

    /// <summary>An API answer: below 500, and a refusal is problem+json with a Spanish title.</summary>
    public static async Task ApiAnswerAsync(HttpResponseMessage response, string what)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status < 500, $"{what} answered {status}: {Cut(body)}");
        if (status < 400)
        {
            return;
        }

        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
            $"{what} answered {status} as {response.Content.Headers.ContentType}: {Cut(body)}");
        var title = JsonDocument.Parse(body).RootElement.TryGetProperty("title", out var t) ? t.GetString() : null;
        Assert.False(string.IsNullOrWhiteSpace(title) || EnglishTitles.Contains(title), $"{what} answered {status} without a Spanish title: {Cut(body)}");
    }

    /// <summary>A form post: below 500; a redirect leads to a page that opens; a page shown again names the problem.</summary>
    public static async Task FormAnswerAsync(ConsoleClient browser, HttpResponseMessage response, string what)
    {
        var status = (int)response.StatusCode;
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(status < 500, $"{what} answered {status}: {Cut(html)}");
        if (response.StatusCode == HttpStatusCode.Found)
        {
            // Accepted: what it leads to (a receipt, the ticket) must be there to read.
            var next = await browser.Http.GetAsync(ConsoleClient.Location(response) ?? "/");
            Assert.True(next.IsSuccessStatusCode, $"{what} led to {ConsoleClient.Location(response)}, which answered {(int)next.StatusCode}");
            return;
        }

        if (status == 200)
        {
            Assert.True(html.Contains("role=\"alert\"", StringComparison.Ordinal) || html.Contains("class=\"error\"", StringComparison.Ordinal),
                $"{what} answered the form again without naming a problem: {Cut(html)}");
        }
    }

    public static string Cut(string text) => text.Length <= 400 ? text : text[..400] + "…";
}
