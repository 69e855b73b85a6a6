using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Channels.WhatsApp;
using Ventanilla.Data;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests.WhatsApp;

/// <summary>The real host wired to a <see cref="GraphApiServer"/>, with webhook posts signed as Meta signs them and the workers' passes run by the test.</summary>
public sealed class WhatsAppKit : IAsyncDisposable
{
    public const string AppSecret = "test-app-secret-0123456789";
    public const string VerifyToken = "token-de-verificacion";

    private int nextMessage;

    private WhatsAppKit(VentanillaApp app, GraphApiServer graph)
    {
        App = app;
        Graph = graph;
    }

    public VentanillaApp App { get; }
    public GraphApiServer Graph { get; }

    public static async Task<WhatsAppKit> StartAsync(DatabaseKind database, bool receivedTemplate = true, DateTimeOffset? now = null)
    {
        var graph = await GraphApiServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["WhatsApp:PhoneNumberId"] = GraphApiServer.PhoneNumberId,
            ["WhatsApp:AccessToken"] = GraphApiServer.Token,
            ["WhatsApp:AppSecret"] = AppSecret,
            ["WhatsApp:VerifyToken"] = VerifyToken,
            ["WhatsApp:GraphApiBaseUrl"] = graph.BaseUrl,
            ["WhatsApp:ApiVersion"] = GraphApiServer.Version,
            ["WhatsApp:RunInBackground"] = "false",
            ["Storage:Path"] = Path.Combine(Path.GetTempPath(), "ventanilla-wa-tests", Guid.NewGuid().ToString("N")),
        };
        if (receivedTemplate)
        {
            settings["WhatsApp:Templates:received:Name"] = "folio_recibido";
            settings["WhatsApp:Templates:received:Language"] = "es_MX";
        }

        return new WhatsAppKit(await VentanillaApp.StartAsync(database, settings, now), graph);
    }

    /// <summary>Posts a body to the webhook with Meta's signature header (or the one given).</summary>
    public async Task<HttpResponseMessage> PostAsync(string body, string? signature = null, bool sign = true)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (sign)
        {
            content.Headers.Add("X-Hub-Signature-256", signature ?? WebhookSignature.Sign(bytes, AppSecret));
        }

        using var client = App.CreateClient();
        return await client.PostAsync("/webhooks/whatsapp", content);
    }

    /// <summary>Posts the messages, then runs the processor's pass and the sender's pass.</summary>
    public async Task DeliverAsync(params JsonObject[] messages)
    {
        var response = await PostAsync(Payloads.Messages(messages));
        Assert.Equal(200, (int)response.StatusCode);
        await PassAsync();
    }

    public async Task PassAsync()
    {
        await App.Services.GetRequiredService<WhatsAppInboxProcessor>().ProcessPendingAsync(CancellationToken.None);
        await App.Services.GetRequiredService<WhatsAppSender>().SendDueAsync(CancellationToken.None);
    }

    public string NextId() => $"wamid.IN{Interlocked.Increment(ref nextMessage):D6}";

    /// <summary>What was last sent to the Graph API, as JSON text, for assertions.</summary>
    public string LastSent() => Graph.Sent.Last().ToJsonString();

    public string[] SentTexts() => [.. Graph.Sent.Select(m => m.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))];

    public Task<Ticket> TicketAsync() =>
        App.WithDbAsync(db => db.Tickets.Include(t => t.Timeline).Include(t => t.Subscriber).SingleAsync());

    public Task<T> DbAsync<T>(Func<VentanillaDbContext, Task<T>> work) => App.WithDbAsync(work);

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Graph.DisposeAsync();
    }
}
