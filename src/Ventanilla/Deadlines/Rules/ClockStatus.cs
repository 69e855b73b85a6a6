using System.Globalization;

namespace Ventanilla.Deadlines.Rules;

/// <summary>Where a stored clock stands at a moment, for display: the same rule for the ticket page, the inbox and supervision.</summary>
public enum ClockState { None, OnTime, AtRisk, Overdue, MetOnTime, MetLate }

public static class ClockStatus
{
    /// <param name="stoppedAt">When the clock stopped (answered, resolved), or null while it runs.</param>
    public static ClockState Of(DateTime? due, DateTime? atRisk, DateTime? stoppedAt, DateTime now) => (due, stoppedAt) switch
    {
        (null, _) => ClockState.None,
        ({ } d, { } stopped) => stopped > d ? ClockState.MetLate : ClockState.MetOnTime,
        ({ } d, null) when now > d => ClockState.Overdue,
        (_, null) when atRisk is { } r && now >= r => ClockState.AtRisk,
        _ => ClockState.OnTime,
    };

    public static string Label(ClockState state) => state switch
    {
        ClockState.Overdue => "Vencido",
        ClockState.AtRisk => "Por vencer",
        ClockState.MetOnTime => "Resuelto a tiempo",
        ClockState.MetLate => "Resuelto fuera de plazo",
        ClockState.None => "Sin plazo definido",
        _ => "A tiempo",
    };

    public static string Css(ClockState state) => state switch
    {
        ClockState.Overdue or ClockState.MetLate => "due-late",
        ClockState.AtRisk => "due-soon",
        _ => "due-ok",
    };

    /// <summary>A span as people say it, to the minute: <c>2 d 3 h</c>, <c>45 min</c>.</summary>
    public static string Span(TimeSpan span)
    {
        var s = span.Duration();
        return s.TotalDays >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)s.TotalDays} d {s.Hours} h")
            : s.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{s.Hours} h {s.Minutes} min")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(s.Minutes, 1)} min");
    }
}
