using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ventanilla.IntegrationTests.Compensation;

/// <summary>A billing system's webhook endpoint on loopback: records every post, and fails the first ones a test asks it to.</summary>
public sealed class BillingListener : IAsyncDisposable
{
    private readonly WebApplication app;
    private int failuresLeft;

    private BillingListener(WebApplication app) => this.app = app;

    public ConcurrentQueue<(string Body, string? Signature, int Answered)> Received { get; } = new();

    public string Url => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/bonificaciones";

    public void FailNext(int count) => failuresLeft = count;

    public static async Task<BillingListener> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var listener = new BillingListener(app);
        app.MapPost("/bonificaciones", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            var status = Interlocked.Decrement(ref listener.failuresLeft) >= 0 ? 500 : 200;
            listener.Received.Enqueue((body, http.Request.Headers["X-Ventanilla-Signature"].FirstOrDefault(), status));
            return Results.StatusCode(status);
        });
        await app.StartAsync();
        return listener;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
