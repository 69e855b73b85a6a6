using System.Globalization;
using Ventanilla.Provider;

namespace Ventanilla.Subscribers.Pages;

/// <summary>Dates and money as a Mexican reader expects them, whatever the console's language.</summary>
public static class Shown
{
    private static readonly CultureInfo Mexico = CultureInfo.GetCultureInfo("es-MX");

    /// <summary>A stored UTC moment in the provider's own zone.</summary>
    public static string Time(DateTime utc, ProviderOptions provider) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), provider.Zone).ToString("dd/MM/yyyy HH:mm", Mexico);

    /// <summary>The machine-readable form for a <c>&lt;time datetime&gt;</c> attribute.</summary>
    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mmZ", CultureInfo.InvariantCulture);

    public static string Pesos(decimal amount) => amount.ToString("C", Mexico) + " MXN";
}
