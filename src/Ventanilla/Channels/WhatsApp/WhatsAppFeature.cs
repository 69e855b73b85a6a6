namespace Ventanilla.Channels.WhatsApp;

public static class WhatsAppFeature
{
    /// <summary>
    /// The webhook, the processor and the sender. They are always registered: an administrator may
    /// connect the account at run time, and until then each of them does nothing.
    /// </summary>
    public static IHostApplicationBuilder AddWhatsApp(this IHostApplicationBuilder builder)
    {
        // The workers behind the webhook hold pool threads through SQLite's synchronous I/O; on a
        // two-core machine the pool starts with two threads and adds about one every half second, so
        // webhook requests queued behind them for hundreds of milliseconds. A few more from the start.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), io);
        builder.Services.AddOptions<WhatsAppOptions>().BindConfiguration(WhatsAppOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<WhatsAppDirectory>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WhatsAppDirectory>());
        builder.Services.AddSingleton<WriteGate>();
        builder.Services.AddSingleton<InboxWriter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<InboxWriter>());
        builder.Services.AddHttpClient<GraphApi>(http => http.Timeout = TimeSpan.FromSeconds(30));
        builder.Services.AddScoped<MediaFetcher>();
        builder.Services.AddScoped<DeliveryReports>();
        builder.Services.AddScoped<ConversationBot>();
        builder.Services.AddScoped<WhatsAppInboundHandler>();
        builder.Services.AddSingleton<WhatsAppInboxProcessor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WhatsAppInboxProcessor>());
        builder.Services.AddSingleton<WhatsAppSender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WhatsAppSender>());
        return builder;
    }

    public static IEndpointRouteBuilder MapWhatsApp(this IEndpointRouteBuilder app)
    {
        app.MapWhatsAppWebhook();
        return app;
    }
}
