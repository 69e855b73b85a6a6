using Microsoft.AspNetCore.Http.HttpResults;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>The Cloud API webhook: the subscription handshake, and the signed posts that carry messages and statuses.</summary>
public static class WebhookEndpoints
{
    // Meta's posts are small; a larger body is not Meta's, and is not read into memory.
    private const int MaxBody = 1024 * 1024;

    public static RouteGroupBuilder MapWhatsAppWebhook(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/webhooks/whatsapp").AllowAnonymous().ExcludeFromDescription();
        group.MapGet("", Handshake);
        group.MapPost("", ReceiveAsync);
        return group;
    }

    internal static Results<ContentHttpResult, StatusCodeHttpResult> Handshake(HttpRequest request, WhatsAppDirectory directory)
    {
        var q = request.Query;
        var expected = directory.Current.VerifyToken;
        if (q["hub.mode"] == "subscribe" && expected is not null && q["hub.verify_token"] == expected && q["hub.challenge"] is [{ } challenge])
        {
            return TypedResults.Text(challenge, "text/plain");
        }

        return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
    }

    internal static async Task<Results<Ok, UnauthorizedHttpResult, StatusCodeHttpResult>> ReceiveAsync(
        HttpRequest request, WhatsAppDirectory directory, InboxWriter inbox, CancellationToken ct)
    {
        if (request.ContentLength is > MaxBody)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var raw = await ReadAsync(request, ct);
        if (raw is null)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var account = directory.Current;
        // The signature is checked over the bytes as they came: re-serialized JSON would not match.
        if (!WebhookSignature.IsValid(request.Headers["X-Hub-Signature-256"], raw, account.AppSecret))
        {
            return TypedResults.Unauthorized();
        }

        await inbox.StoreAsync(account.PhoneNumberId ?? "whatsapp", raw);
        return TypedResults.Ok();
    }

    private static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 4096);
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBody)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
