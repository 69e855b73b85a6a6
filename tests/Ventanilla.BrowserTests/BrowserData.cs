using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Data;

namespace Ventanilla.BrowserTests;

/// <summary>Arranging data the way integrations do (the API), and reading what the pages stored (the database).</summary>
public static class BrowserData
{
    /// <summary>An HTTP client for the API, authenticated with the bootstrap administrator's key.</summary>
    public static HttpClient Api(this BrowserFixture browser)
    {
        var client = new HttpClient { BaseAddress = new Uri(browser.BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BrowserApp.ApiKey);
        return client;
    }

    /// <summary>Files a report through the API and returns its folio.</summary>
    public static async Task<string> CreateTicketAsync(this BrowserFixture browser, string subject, string kind = "fault",
        string channel = "email", string name = "Rosa Elena Pérez", string? phone = null, string? email = "rosa.perez@correo.mx")
    {
        using var api = browser.Api();
        var body = await api.PostOkAsync("/api/v1/tickets", new
        {
            kind,
            channel,
            subject,
            description = subject + ". Lo reporta desde ayer por la tarde.",
            address = "Av. Hidalgo 210, Centro, Zacatecas",
            subscriber = new { name, phone, email },
        });
        return body.GetProperty("folio").GetString()!;
    }

    /// <summary>Registers a subscriber through the API and returns its id.</summary>
    public static async Task<long> CreateSubscriberAsync(this BrowserFixture browser, string account, string name, string phone, string email)
    {
        using var api = browser.Api();
        var body = await api.PostOkAsync("/api/v1/subscribers", new
        {
            accountNumber = account,
            name,
            phones = new[] { phone },
            emails = new[] { email },
            addresses = new[] { new { street = "Calle Juárez 45, Col. Centro", municipality = "Zacatecas", state = "Zacatecas" } },
        });
        return body.GetProperty("id").GetInt64();
    }

    /// <summary>Reads (or changes) the service's database in a scope of its own.</summary>
    public static async Task<T> WithDbAsync<T>(this BrowserFixture browser, Func<VentanillaDbContext, Task<T>> work)
    {
        await using var scope = browser.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<VentanillaDbContext>());
    }

    /// <summary>Posts JSON to the API and returns the answer, failing the test unless it succeeded.</summary>
    public static async Task<JsonElement> PostOkAsync(this HttpClient api, string url, object request)
    {
        using var response = await api.PostAsJsonAsync(url, request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {url} answered {(int)response.StatusCode}: {text}");
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
