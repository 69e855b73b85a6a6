using Ventanilla.Messaging.Outbox;

namespace Ventanilla.Messaging;

public static class MessagingFeature
{
    /// <summary>What every channel's inbox and outbox share: the claim lease and the view of which channels deliver.</summary>
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // Which channels can deliver, for the console's banner, the timeline and the outbox page.
        builder.Services.AddSingleton<ChannelStatus>();
        builder.Services.AddTransient<ConnectionTests>();
        return builder;
    }
}
