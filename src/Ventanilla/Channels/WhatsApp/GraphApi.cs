using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>The Graph API's answer to a failed call: its error code and the message that explains it.</summary>
public sealed class GraphApiException(int status, int? code, string message) : Exception(message)
{
    public int Status { get; } = status;

    /// <summary>Meta's error code (131047: outside the 24-hour window; 130429 and 131056: too fast), when it gave one.</summary>
    public int? Code { get; } = code;

    /// <summary>Worth trying again later: the server or the network failed, not the message.</summary>
    public bool IsTransient => Status is 0 or 408 or >= 500 || Code is 1 or 2 or 4 or 80007 or 130429 or 131056 or 131000;
}

/// <summary>The few Cloud API calls Ventanilla makes: send a message, and fetch a medium by its id.</summary>
public sealed class GraphApi(HttpClient http)
{
    /// <summary>Sends one message and answers its <c>wamid</c>.</summary>
    public async Task<string> SendAsync(WhatsAppAccount account, JsonObject message, CancellationToken ct)
    {
        message["messaging_product"] = "whatsapp";
        using var request = new HttpRequestMessage(HttpMethod.Post, account.Graph($"{account.PhoneNumberId}/messages"))
        {
            Content = JsonContent.Create(message),
        };
        using var response = await CallAsync(account, request, ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return body.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array && messages.GetArrayLength() > 0
            && WebhookPayload.Str(messages[0], "id") is { } id
            ? id
            : throw new GraphApiException((int)response.StatusCode, null, "La API de WhatsApp aceptó el mensaje pero no devolvió su identificador.");
    }

    /// <summary>The number's display form, as the Graph API gives it for the account's phone number id: proof that the id and the token work.</summary>
    public async Task<string> PhoneNumberAsync(WhatsAppAccount account, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, account.Graph($"{Uri.EscapeDataString(account.PhoneNumberId ?? "")}?fields=display_phone_number"));
        using var response = await CallAsync(account, request, ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return WebhookPayload.Str(body, "display_phone_number") ?? WebhookPayload.Str(body, "id") ?? account.PhoneNumberId ?? "";
    }

    /// <summary>Where a medium can be downloaded from (a short-lived URL), with the hash and type Meta gives.</summary>
    public async Task<MediaInfo> MediaAsync(WhatsAppAccount account, string mediaId, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, account.Graph(Uri.EscapeDataString(mediaId)));
        using var response = await CallAsync(account, request, ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return WebhookPayload.Str(body, "url") is { } url
            ? new MediaInfo(new Uri(url), WebhookPayload.Str(body, "mime_type"), WebhookPayload.Str(body, "sha256"))
            : throw new GraphApiException((int)response.StatusCode, null, "La API de WhatsApp no dio la dirección del archivo.");
    }

    /// <summary>Downloads a medium; the URL needs the same bearer token as the API.</summary>
    public async Task<HttpResponseMessage> DownloadAsync(WhatsAppAccount account, Uri url, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        var response = await CallAsync(account, request, ct, HttpCompletionOption.ResponseHeadersRead);
        return response;
    }

    private async Task<HttpResponseMessage> CallAsync(WhatsAppAccount account, HttpRequestMessage request, CancellationToken ct,
        HttpCompletionOption completion = HttpCompletionOption.ResponseContentRead)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", account.AccessToken);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, completion, ct);
        }
        catch (HttpRequestException error)
        {
            throw new GraphApiException(0, null, $"No se pudo conectar con la API de WhatsApp: {error.Message}");
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ErrorAsync(response, ct);
        }
    }

    // Meta's errors: {"error":{"message":…,"code":131047,"error_data":{"details":…},"fbtrace_id":…}}
    private static async Task<GraphApiException> ErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        try
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            if (body.TryGetProperty("error", out var error))
            {
                int? code = error.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : null;
                var details = error.TryGetProperty("error_data", out var data) ? WebhookPayload.Str(data, "details") : null;
                var message = WebhookPayload.Str(error, "message") ?? "error sin descripción";
                return new GraphApiException(status, code, $"WhatsApp respondió {status}, error {code}: {message}{(details is null ? "" : $" ({details})")}");
            }
        }
        catch (JsonException)
        {
        }

        return new GraphApiException(status, null, $"WhatsApp respondió {status} sin un error legible.");
    }
}

public sealed record MediaInfo(Uri Url, string? MimeType, string? Sha256);
