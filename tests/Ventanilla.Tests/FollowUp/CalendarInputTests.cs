using Ventanilla.Deadlines;
using Ventanilla.Deadlines.Calendars;
using Ventanilla.Web;

namespace Ventanilla.Tests.FollowUp;

/// <summary>Calendars as administrators type them, and what they are told when it does not make sense.</summary>
public class CalendarInputTests
{
    [Fact]
    public void The_demo_call_center_round_trips_through_its_stored_form()
    {
        var calendar = BusinessCalendar.DemoCallCenter();
        var stored = new WorkCalendar("canal:phone", "Teléfono", calendar, Tickets.Now);

        Assert.Equal("mon=07:00-22:00;tue=07:00-22:00;wed=07:00-22:00;thu=07:00-22:00;fri=07:00-22:00;sat=07:00-22:00;sun=09:00-17:00", stored.Hours);
        Assert.Equal(calendar, stored.ToCalendar());
    }

    [Fact]
    public void A_day_takes_several_stretches_and_24_00_as_its_end()
    {
        var hours = WeeklyHours.ParseDay(DayOfWeek.Monday, "16:00-24:00, 9-14", out var error);

        Assert.Null(error);
        Assert.Equal([new OpeningHours(DayOfWeek.Monday, TimeSpan.FromHours(9), TimeSpan.FromHours(14)),
            new OpeningHours(DayOfWeek.Monday, TimeSpan.FromHours(16), OpeningHours.EndOfDay)], hours);
    }

    [Theory]
    [InlineData("siete a diez", "«siete a diez» no es un horario: escribe inicio y fin como 07:00-22:00.")]
    [InlineData("22:00-07:00", "«22:00-07:00»: la hora de inicio debe ser anterior a la de fin, entre 00:00 y 24:00.")]
    [InlineData("09:00-14:00, 13:00-18:00", "Los horarios del día se enciman; sepáralos.")]
    public void A_day_that_makes_no_sense_is_explained_in_spanish(string typed, string message)
    {
        WeeklyHours.ParseDay(DayOfWeek.Friday, typed, out var error);

        Assert.Equal(message, error);
    }

    [Fact]
    public void A_calendar_needs_a_known_zone_some_hours_and_real_dates()
    {
        var errors = new FieldErrors();
        var input = new CalendarInput { Name = "Técnica", TimeZone = "Mexico/Zacatecas", ExtraClosedDates = "2026-06-07\n31/02/2026" };

        Assert.Null(input.Read(errors));

        var messages = errors.ToDictionary();
        Assert.Equal(["«Mexico/Zacatecas» no es una zona horaria IANA conocida; usa una como America/Mexico_City o America/Tijuana."], messages["timeZone"]);
        Assert.Equal(["«31/02/2026» no es una fecha; escríbela como 2026-06-07 o 07/06/2026."], messages["extraClosedDates"]);
    }

    [Fact]
    public void A_calendar_with_no_hours_at_all_is_refused()
    {
        var errors = new FieldErrors();

        Assert.Null(new CalendarInput { Name = "Nada", TimeZone = "America/Mexico_City" }.Read(errors));
        Assert.Equal(["El calendario necesita horario al menos un día de la semana."], errors.ToDictionary()["monday"]);
    }

    [Fact]
    public void A_valid_calendar_keeps_the_providers_closed_dates()
    {
        var read = new CalendarInput
        {
            Name = "Técnica", TimeZone = "America/Tijuana", Monday = "08:00-20:00", MexicanRestDays = true, ExtraClosedDates = "2026-06-07 07/12/2026",
        }.Read(new FieldErrors());

        var calendar = Assert.NotNull(read).Calendar;
        Assert.Equal([new DateOnly(2026, 6, 7), new DateOnly(2026, 12, 7)], calendar.ExtraClosedDates);
        Assert.False(calendar.IsBusinessDay(new DateOnly(2026, 12, 7)));
        Assert.True(calendar.IsBusinessDay(new DateOnly(2026, 12, 14)));
    }
}
