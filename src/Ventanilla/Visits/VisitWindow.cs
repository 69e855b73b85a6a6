using System.Globalization;

namespace Ventanilla.Visits;

/// <summary>
/// When a technician is expected at the subscriber's home: a day in the provider's zone and a
/// span of it, kept in UTC for storage and comparison.
/// </summary>
public sealed record VisitWindow(VisitWindowKind Kind, DateOnly Day, DateTime StartsAt, DateTime EndsAt)
{
    public static readonly TimeOnly MorningStart = new(8, 0);
    public static readonly TimeOnly AfternoonStart = new(14, 0);
    public static readonly TimeOnly AfternoonEnd = new(20, 0);

    /// <summary>A slot shorter than this is not a real appointment; longer than the day's field hours is a window.</summary>
    public static readonly TimeSpan ShortestSlot = TimeSpan.FromMinutes(15);

    public static VisitWindow Morning(DateOnly day, TimeZoneInfo zone) => Local(VisitWindowKind.Morning, day, MorningStart, AfternoonStart, zone);

    public static VisitWindow Afternoon(DateOnly day, TimeZoneInfo zone) => Local(VisitWindowKind.Afternoon, day, AfternoonStart, AfternoonEnd, zone);

    /// <summary>An exact slot on one day, or why it is not one.</summary>
    public static (VisitWindow? Window, string? Problem) Exact(DateOnly day, TimeOnly from, TimeOnly to, TimeZoneInfo zone)
    {
        if (to <= from)
        {
            return (null, "La hora de fin del horario exacto debe ser posterior a la de inicio.");
        }

        if (to - from < ShortestSlot)
        {
            return (null, "Un horario exacto dura al menos 15 minutos.");
        }

        return (Local(VisitWindowKind.Exact, day, from, to, zone), null);
    }

    /// <summary>Two windows clash when each starts before the other ends; back-to-back windows do not.</summary>
    public bool Overlaps(DateTime startsAt, DateTime endsAt) => StartsAt < endsAt && startsAt < EndsAt;

    /// <summary>How the subscriber reads it: "martes 3 de marzo de 2026, de 8:00 a 14:00".</summary>
    public static string Describe(DateTime startsAt, DateTime endsAt, TimeZoneInfo zone)
    {
        var culture = CultureInfo.GetCultureInfo("es-MX");
        var from = TimeZoneInfo.ConvertTimeFromUtc(startsAt, zone);
        var to = TimeZoneInfo.ConvertTimeFromUtc(endsAt, zone);
        return string.Create(culture, $"{from:dddd d 'de' MMMM 'de' yyyy}, de {from:H:mm} a {to:H:mm}");
    }

    private static VisitWindow Local(VisitWindowKind kind, DateOnly day, TimeOnly from, TimeOnly to, TimeZoneInfo zone) =>
        new(kind, day, ToUtc(day, from, zone), ToUtc(day, to, zone));

    private static DateTime ToUtc(DateOnly day, TimeOnly time, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(time, DateTimeKind.Unspecified), zone);
}
