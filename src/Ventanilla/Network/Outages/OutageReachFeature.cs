namespace Ventanilla.Network.Outages;

/// <summary>What an outage does to reports and subscribers: linking, notices, restoration.</summary>
public static class OutageReachFeature
{
    public static WebApplicationBuilder AddOutageReach(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OutageReachOptions>().BindConfiguration(OutageReachOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<OutageNoticeRounds>();
        builder.Services.AddScoped<OutageRestoration>();
        builder.Services.AddHostedService<OutageNoticeJob>();
        builder.Services.AddHostedService<OutageRestorationJob>();
        return builder;
    }

    public static WebApplication MapOutageReach(this WebApplication app)
    {
        app.MapAffectingApi();
        return app;
    }
}
