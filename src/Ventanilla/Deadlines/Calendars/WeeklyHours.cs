using System.Globalization;
using System.Text;

namespace Ventanilla.Deadlines.Calendars;

/// <summary>
/// Weekly hours as people write them, one day at a time: <c>07:00-22:00</c>, or several stretches
/// as <c>09:00-14:00, 16:00-19:00</c>, and nothing for a closed day. Stored the same way, so what an
/// administrator typed is what the database keeps.
/// </summary>
public static class WeeklyHours
{
    /// <summary>The week as Mexico writes it, Monday first.</summary>
    public static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public static string DayName(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "Lunes",
        DayOfWeek.Tuesday => "Martes",
        DayOfWeek.Wednesday => "Miércoles",
        DayOfWeek.Thursday => "Jueves",
        DayOfWeek.Friday => "Viernes",
        DayOfWeek.Saturday => "Sábado",
        _ => "Domingo",
    };

    /// <summary>One day's stretches as text, e.g. <c>07:00-22:00</c>; empty when closed.</summary>
    public static string FormatDay(IEnumerable<OpeningHours> hours, DayOfWeek day) =>
        string.Join(", ", hours.Where(h => h.Day == day).OrderBy(h => h.Start).Select(h => $"{Time(h.Start)}-{Time(h.End)}"));

    /// <summary>The whole week in the stored form: <c>mon=07:00-22:00;…</c>, closed days left out.</summary>
    public static string Format(IEnumerable<OpeningHours> hours)
    {
        var list = hours.ToList();
        var text = new StringBuilder();
        foreach (var day in Week)
        {
            var stretches = FormatDay(list, day);
            if (stretches.Length > 0)
            {
                text.Append(text.Length == 0 ? "" : ";").Append(Key(day)).Append('=').Append(stretches);
            }
        }

        return text.ToString();
    }

    public static List<OpeningHours> Parse(string stored)
    {
        var hours = new List<OpeningHours>();
        foreach (var part in stored.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (key, stretches) = (part[..part.IndexOf('=', StringComparison.Ordinal)], part[(part.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            var day = Week.First(d => Key(d) == key);
            hours.AddRange(ParseDay(day, stretches, out _));
        }

        return hours;
    }

    /// <summary>Reads one day as typed; <paramref name="error"/> says in Spanish what is wrong, if anything.</summary>
    public static List<OpeningHours> ParseDay(DayOfWeek day, string? text, out string? error)
    {
        error = null;
        var hours = new List<OpeningHours>();
        foreach (var stretch in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = stretch.Replace('–', '-').Split('-', StringSplitOptions.TrimEntries);
            if (ends.Length != 2 || ReadTime(ends[0]) is not { } start || ReadTime(ends[1]) is not { } end)
            {
                error = $"«{stretch}» no es un horario: escribe inicio y fin como 07:00-22:00.";
                return [];
            }

            var hoursOfStretch = new OpeningHours(day, start, end);
            if (!hoursOfStretch.IsValid)
            {
                error = $"«{stretch}»: la hora de inicio debe ser anterior a la de fin, entre 00:00 y 24:00.";
                return [];
            }

            hours.Add(hoursOfStretch);
        }

        var ordered = hours.OrderBy(h => h.Start).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Start < ordered[i - 1].End)
            {
                error = "Los horarios del día se enciman; sepáralos.";
                return [];
            }
        }

        return ordered;
    }

    private static TimeSpan? ReadTime(string text)
    {
        if (text is "24:00" or "24")
        {
            return OpeningHours.EndOfDay;
        }

        string[] formats = ["H\\:mm", "HH\\:mm", "%H", "HH"];
        return TimeOnly.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time.ToTimeSpan()
            : null;
    }

    private static string Time(TimeSpan t) => t == OpeningHours.EndOfDay
        ? "24:00"
        : string.Create(CultureInfo.InvariantCulture, $"{t.Hours:00}:{t.Minutes:00}");

    private static string Key(DayOfWeek day) => day.ToString()[..3].ToLowerInvariant();
}
