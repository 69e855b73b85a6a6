using Microsoft.Extensions.Options;

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
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<ProviderOptions>>().Value);
        return builder;
    }

    private static bool HasKnownZone(ProviderOptions options) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _);
}
