using System.Globalization;
using Ventanilla.Web;

namespace Ventanilla.Deadlines.Calendars;

/// <summary>A calendar as typed in administration: one text box per day, the zone, the extra closed dates.</summary>
public sealed class CalendarInput
{
    public string? Name { get; set; }
    public string? TimeZone { get; set; }
    public string? Monday { get; set; }
    public string? Tuesday { get; set; }
    public string? Wednesday { get; set; }
    public string? Thursday { get; set; }
    public string? Friday { get; set; }
    public string? Saturday { get; set; }
    public string? Sunday { get; set; }
    public bool MexicanRestDays { get; set; }
    public string? ExtraClosedDates { get; set; }

    public static CalendarInput From(WorkCalendar stored)
    {
        var calendar = stored.ToCalendar();
        return new CalendarInput
        {
            Name = stored.Name,
            TimeZone = stored.TimeZoneId,
            Monday = WeeklyHours.FormatDay(calendar.Hours, DayOfWeek.Monday),
            Tuesday = WeeklyHours.FormatDay(calendar.Hours, DayOfWeek.Tuesday),
            Wednesday = WeeklyHours.FormatDay(calendar.Hours, DayOfWeek.Wednesday),
            Thursday = WeeklyHours.FormatDay(calendar.Hours, DayOfWeek.Thursday),
            Friday = WeeklyHours.FormatDay(calendar.Hours, DayOfWeek.Friday),
            Saturday = WeeklyHours.FormatDay(calendar.Hours, DayOfWeek.Saturday),
            Sunday = WeeklyHours.FormatDay(calendar.Hours, DayOfWeek.Sunday),
            MexicanRestDays = calendar.MexicanRestDays,
            ExtraClosedDates = string.Join('\n', calendar.ExtraClosedDates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
        };
    }

    /// <summary>A new staff shift's form, filled with office hours to start from.</summary>
    public static CalendarInput NewShift(string timeZone) => new()
    {
        TimeZone = timeZone,
        Monday = "09:00-18:00",
        Tuesday = "09:00-18:00",
        Wednesday = "09:00-18:00",
        Thursday = "09:00-18:00",
        Friday = "09:00-18:00",
        MexicanRestDays = true,
    };

    public string? Day(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => Monday,
        DayOfWeek.Tuesday => Tuesday,
        DayOfWeek.Wednesday => Wednesday,
        DayOfWeek.Thursday => Thursday,
        DayOfWeek.Friday => Friday,
        DayOfWeek.Saturday => Saturday,
        _ => Sunday,
    };

    /// <summary>The calendar, or null with the reasons, in Spanish, per field (<c>name</c>, <c>timeZone</c>, <c>monday</c>…, <c>extraClosedDates</c>).</summary>
    public (string Name, BusinessCalendar Calendar)? Read(FieldErrors errors)
    {
        var name = errors.Text("name", Name, 100, required: true);
        var zone = errors.Text("timeZone", TimeZone, 64, required: true);
        if (zone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            errors.Add("timeZone", $"«{zone}» no es una zona horaria IANA conocida; usa una como America/Mexico_City o America/Tijuana.");
        }

        var hours = new List<OpeningHours>();
        foreach (var day in WeeklyHours.Week)
        {
            hours.AddRange(WeeklyHours.ParseDay(day, Day(day), out var error));
            if (error is not null)
            {
                errors.Add(day.ToString().ToLowerInvariant(), error);
            }
        }

        if (hours.Count == 0 && !errors.Any)
        {
            errors.Add("monday", "El calendario necesita horario al menos un día de la semana.");
        }

        var dates = new List<DateOnly>();
        foreach (var text in (ExtraClosedDates ?? "").Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                dates.Add(date);
            }
            else
            {
                errors.Add("extraClosedDates", $"«{text}» no es una fecha; escríbela como 2026-06-07 o 07/06/2026.");
            }
        }

        if (dates.Count > 300)
        {
            errors.Add("extraClosedDates", "Admite hasta 300 días cerrados; quita los de años pasados.");
        }

        return errors.Any || name is null || zone is null ? null : (name, new BusinessCalendar(zone, hours, MexicanRestDays, dates));
    }
}
