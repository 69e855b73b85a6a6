using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ventanilla.IntegrationTests;

/// <summary>Small helpers to speak JSON with the API and read answers without binding to our own types.</summary>
internal static class Json
{
    public static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> PostAsync(
        this HttpClient client, string url, object body, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        var response = await client.SendAsync(request);
        return (response.StatusCode, await BodyOf(response), response);
    }

    public static async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> SendAsync(
        this HttpClient client, HttpMethod method, string url, object? body = null, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        var response = await client.SendAsync(request);
        return (response.StatusCode, await BodyOf(response), response);
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await BodyOf(response);
    }

    private static async Task<JsonElement> BodyOf(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    /// <summary>A fault reported by phone, valid unless the test changes it.</summary>
    public static Dictionary<string, object?> Fault(string description = "No tengo internet desde ayer; el módem parpadea en rojo.",
        object? subscriber = null) => new()
        {
            ["kind"] = "fault",
            ["channel"] = "phone",
            ["subject"] = "Sin internet",
            ["description"] = description,
            ["address"] = "Av. Hidalgo 120, Col. Centro, Zacatecas",
            ["subscriber"] = subscriber ?? new { name = "Juan Pérez", phone = "492 123 4567", email = "juan@example.mx" },
        };
}
