namespace Ventanilla.Tests;

/// <summary>Instants written the way the tests reason about them.</summary>
internal static class Calendars
{
    public const string MexicoCity = "America/Mexico_City";
    public const string Tijuana = "America/Tijuana";

    public static DateTime Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    /// <summary>Mexico City is UTC−6 all year since 2022, so its wall clock is UTC minus six hours.</summary>
    public static DateTime MexicoCityTime(int year, int month, int day, int hour, int minute = 0) =>
        Utc(year, month, day, hour, minute).AddHours(6);
}
