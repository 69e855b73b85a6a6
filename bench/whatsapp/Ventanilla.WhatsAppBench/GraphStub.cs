using System.Globalization;

namespace Ventanilla.WhatsAppBench;

/// <summary>A loopback stand-in for the Graph API, so the service's replies have somewhere to go during the run.</summary>
internal sealed class GraphStub : IAsyncDisposable
{
    private readonly WebApplication app;
    private long sent;

    private GraphStub(WebApplication app) => this.app = app;

    public long Sent => Interlocked.Read(ref sent);

    public string Url { get; private set; } = "";

    public static async Task<GraphStub> StartAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new GraphStub(app) { Url = $"http://127.0.0.1:{port}" };
        app.MapPost("/{version}/{phone}/messages", () =>
        {
            var n = Interlocked.Increment(ref stub.sent);
            return Results.Json(new { messaging_product = "whatsapp", messages = new[] { new { id = "wamid.BENCH" + n.ToString(CultureInfo.InvariantCulture) } } });
        });
        await app.StartAsync();
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
