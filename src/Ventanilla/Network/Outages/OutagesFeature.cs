namespace Ventanilla.Network.Outages;

/// <summary>Outages as supervisors and monitoring systems see them: declaring, proposing, following, reporting.</summary>
public static class OutagesFeature
{
    public static WebApplicationBuilder AddOutages(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OutageOptions>().BindConfiguration(OutageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<ChangeContext>();
        builder.Services.AddScoped<Pages.OutageConsole>();
        builder.Services.AddSingleton<OutageClustering>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutageClustering>());
        return builder;
    }

    public static WebApplication MapOutages(this WebApplication app)
    {
        app.MapOutagesApi();
        app.MapMonitoringWebhook();
        return app;
    }
}
