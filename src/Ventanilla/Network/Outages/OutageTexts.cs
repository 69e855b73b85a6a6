using System.Globalization;
using Ventanilla.Provider;

namespace Ventanilla.Network.Outages;

/// <summary>How an outage reads to a subscriber, in the provider's time zone: the same words on every channel.</summary>
public static class OutageTexts
{
    private static readonly CultureInfo Mexico = CultureInfo.GetCultureInfo("es-MX");

    /// <summary>"Hay una falla en tu zona (FM-000042): Corte de fibra. Estimamos restablecer el servicio el …"</summary>
    public static string InYourZone(string code, string title, DateTime? estimate, ProviderOptions provider) =>
        $"Hay una falla en tu zona ({code}): {title}. {Estimate(estimate, provider)}";

    public static string InYourZone(OutageInZone outage, ProviderOptions provider) =>
        InYourZone(outage.Code, outage.Title, outage.EstimatedRestorationAt, provider);

    public static string Estimate(DateTime? estimate, ProviderOptions provider) => estimate is { } at
        ? $"Estimamos restablecer el servicio el {Moment(at, provider)}."
        : "Estimamos restablecer el servicio: aún sin hora estimada.";

    /// <summary>"lunes 7 de diciembre a las 14:30", in the provider's zone.</summary>
    public static string Moment(DateTime utc, ProviderOptions provider) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), provider.Zone).ToString("dddd d 'de' MMMM 'a las' H:mm", Mexico);

    /// <summary>The values the outage placeholders of the notification templates take.</summary>
    public static Dictionary<string, string> Values(Outage outage, ProviderOptions provider) =>
        Values(outage.Code, outage.Title, outage.StartedAt, outage.EstimatedRestorationAt, outage.Cause, provider);

    public static Dictionary<string, string> Values(string code, string title, DateTime startedAt, DateTime? estimate, string? cause,
        ProviderOptions provider) => new()
    {
        ["falla"] = code,
        ["falla_titulo"] = title,
        ["falla_inicio"] = Moment(startedAt, provider),
        ["estimacion"] = Estimate(estimate, provider),
        ["falla_causa"] = string.IsNullOrWhiteSpace(cause) ? "en revisión" : cause,
        ["canales"] = Messaging.Notifications.NotificationValues.Channels(provider),
    };

    /// <summary>A made-up outage for the template editor's preview; never stored.</summary>
    public static Dictionary<string, string> SampleValues(ProviderOptions provider, DateTime now) =>
        Values("FM-000042", "Corte de fibra en el nodo Centro", now.AddHours(-2), now.AddHours(3), "Corte de fibra por obra de terceros", provider);
}
