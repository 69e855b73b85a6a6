
namespace Ventanilla.Provider;

public static class ProviderFeature
{
    public static IHostApplicationBuilder AddProviderProfile(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ProviderOptions>()
            .BindConfiguration(ProviderOptions.Section)
            .PostConfigure(o => o.FillDefaults())
            .ValidateDataAnnotations()
            .Validate(HasKnownZone, "Provider:TimeZone must be an IANA time-zone id, such as America/Mexico_City.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ProviderDirectory>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ProviderDirectory>());
        return builder;
    }

    public static Task LoadProviderProfileAsync(this WebApplication app) =>
        app.Services.GetRequiredService<ProviderDirectory>().LoadAsync();

    private static bool HasKnownZone(ProviderOptions options) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _);
}
