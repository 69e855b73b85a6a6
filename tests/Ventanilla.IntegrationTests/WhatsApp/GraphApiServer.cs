using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ventanilla.IntegrationTests.WhatsApp;

/// <summary>
/// A real HTTP server on loopback that answers like the Graph API: it records the messages sent to
/// it, serves media by id (URL, then download, both with the bearer token), and answers the errors
/// a test queues with Meta's documented error shape.
/// </summary>
public sealed class GraphApiServer : IAsyncDisposable
{
    public const string Token = "EAAtesttoken";
    public const string PhoneNumberId = "1098765432";
    public const string Version = "v23.0";
    public const string DisplayNumber = "+52 492 000 1234";

    private readonly WebApplication app;
    private readonly ConcurrentQueue<(int Status, int Code, string Message)> errors = new();
    private readonly ConcurrentDictionary<string, byte[]> media = new();
    private int next;
    private int mediaFailures;

    private GraphApiServer(WebApplication app) => this.app = app;

    public ConcurrentQueue<JsonObject> Sent { get; } = new();

    /// <summary>Runs for each send after it is recorded and before it is answered: a test kills the sender there.</summary>
    public Func<JsonObject, Task>? BeforeAnswer { get; set; }

    /// <summary>Downloads of media files, with whether they carried the right token.</summary>
    public ConcurrentQueue<bool> Downloads { get; } = new();

    public string BaseUrl => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public static async Task<GraphApiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new GraphApiServer(app);
        app.MapPost($"/{Version}/{PhoneNumberId}/messages", (Func<HttpContext, Task<IResult>>)server.SendAsync);
        // The number itself, as a connection test asks for it; a literal route wins over the media one.
        app.MapGet($"/{Version}/{PhoneNumberId}", (HttpContext http) => Authorized(http)
            ? Results.Json(new { id = PhoneNumberId, display_phone_number = DisplayNumber })
            : Error(401, 190, "Invalid OAuth access token."));
        app.MapGet($"/{Version}/{{mediaId}}", server.MediaInfo);
        app.MapGet("/files/{mediaId}", server.Download);
        await app.StartAsync();
        return server;
    }

    /// <summary>The next send is answered with this Graph error.</summary>
    public void FailNext(int code, string message, int status = 400) => errors.Enqueue((status, code, message));

    /// <summary>The next media lookup answers 500, as when Meta's servers have a bad moment.</summary>
    public void FailNextMedia() => Interlocked.Increment(ref mediaFailures);

    /// <summary>Makes a medium available under an id; answers the SHA-256 Meta would announce for it.</summary>
    public string AddMedia(string mediaId, byte[] content)
    {
        media[mediaId] = content;
        return Convert.ToBase64String(SHA256.HashData(content));
    }

    private async Task<IResult> SendAsync(HttpContext http)
    {
        if (!Authorized(http))
        {
            return Error(401, 190, "Invalid OAuth access token.");
        }

        var body = (await JsonNode.ParseAsync(http.Request.Body))!.AsObject();
        if (errors.TryDequeue(out var error))
        {
            return Error(error.Status, error.Code, error.Message);
        }

        Sent.Enqueue(body);
        if (BeforeAnswer is { } before)
        {
            await before(body);
        }

        var id = $"wamid.TEST{Interlocked.Increment(ref next):D6}";
        return Results.Json(new
        {
            messaging_product = "whatsapp",
            contacts = new[] { new { input = (string?)body["to"]?.GetValue<string>() ?? "", wa_id = (string?)body["to"]?.GetValue<string>() ?? "" } },
            messages = new[] { new { id } },
        });
    }

    private IResult MediaInfo(HttpContext http, string mediaId)
    {
        if (!Authorized(http))
        {
            return Error(401, 190, "Invalid OAuth access token.");
        }

        if (Interlocked.Decrement(ref mediaFailures) >= 0)
        {
            return Error(500, 2, "Service temporarily unavailable");
        }

        Interlocked.Exchange(ref mediaFailures, 0);
        return media.TryGetValue(mediaId, out var content)
            ? Results.Json(new
            {
                messaging_product = "whatsapp",
                url = $"{BaseUrl}/files/{mediaId}",
                mime_type = "image/jpeg",
                sha256 = Convert.ToBase64String(SHA256.HashData(content)),
                file_size = content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                id = mediaId,
            })
            : Error(400, 100, "Unsupported get request.");
    }

    private IResult Download(HttpContext http, string mediaId)
    {
        var authorized = Authorized(http);
        Downloads.Enqueue(authorized);
        if (!authorized)
        {
            return Results.StatusCode(401);
        }

        return media.TryGetValue(mediaId, out var content) ? Results.Bytes(content, "application/octet-stream") : Results.NotFound();
    }

    private static bool Authorized(HttpContext http) => http.Request.Headers.Authorization == $"Bearer {Token}";

    // The shape the Graph API documents for every error.
    private static IResult Error(int status, int code, string message) => Results.Json(new
    {
        error = new
        {
            message,
            type = "OAuthException",
            code,
            error_data = new { messaging_product = "whatsapp", details = message },
            fbtrace_id = "Atest",
        },
    }, statusCode: status);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
