using System.Globalization;

namespace Ventanilla.Exports;

/// <summary>How a cell reads as text: numbers with a point and no separators, moments in the provider's zone.</summary>
public static class CellText
{
    public static string Of(object? value, TimeZoneInfo zone) => value switch
    {
        null => "",
        string text => text,
        bool yes => yes ? "Sí" : "No",
        DateTime utc => Local(utc, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateTimeOffset moment => Local(moment.UtcDateTime, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal amount => amount.ToString(CultureInfo.InvariantCulture),
        double real => real.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A moment as the provider's clock showed it; an unspecified kind is taken as UTC, as the database stores it.</summary>
    public static DateTime Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    /// <summary>
    /// A text cell that starts like a formula gets an apostrophe, so a spreadsheet shows it rather
    /// than running it (a subscriber's words are in these files).
    /// </summary>
    public static string Defused(string text) =>
        text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal)
            && !decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out _)
            ? "'" + text
            : text;
}
