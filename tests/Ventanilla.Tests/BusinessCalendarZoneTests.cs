using Ventanilla.Deadlines;
using static Ventanilla.Tests.Calendars;

namespace Ventanilla.Tests;

// Tijuana is UTC−8 (PST) and UTC−7 (PDT): clocks jump 02:00→03:00 on Sunday 2026-03-08 (10:00Z)
// and fall back 02:00→01:00 on Sunday 2026-11-01 (09:00Z). Mexico City stays UTC−6.
public class BusinessCalendarZoneTests
{
    [Theory]
    [InlineData(MexicoCity, 1, 15)]
    [InlineData(MexicoCity, 8, 15)]
    [InlineData(Tijuana, 1, 17)]
    [InlineData(Tijuana, 8, 16)]
    [InlineData("America/Ciudad_Juarez", 1, 16)]
    [InlineData("America/Ciudad_Juarez", 8, 15)]
    public void NextOpening_SundayAroundSpringForward_OpensAtNineOnTheWallClock(string zone, int sunday, int openingHourUtc)
    {
        var saturdayNightUtc = Utc(2026, 3, sunday, 7);

        Assert.Equal(Utc(2026, 3, sunday, openingHourUtc), BusinessCalendar.DemoCallCenter(zone).NextOpening(saturdayNightUtc));
    }

    [Fact]
    public void AddBusinessTime_TijuanaAcrossSpringForward_ResumesAtNineDaylightTime()
    {
        // Saturday 21:00 PST; one hour until 22:00, then Sunday 09:00 PDT (16:00Z) plus one.
        var start = Utc(2026, 3, 8, 5);

        Assert.Equal(Utc(2026, 3, 8, 17), BusinessCalendar.DemoCallCenter(Tijuana).AddBusinessTime(start, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void AddBusinessTime_TijuanaAcrossFallBack_ResumesAtNineStandardTime()
    {
        // Saturday 21:00 PDT; one hour until 22:00, then Sunday 09:00 PST (17:00Z) plus one.
        var start = Utc(2026, 11, 1, 4);

        Assert.Equal(Utc(2026, 11, 1, 18), BusinessCalendar.DemoCallCenter(Tijuana).AddBusinessTime(start, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void AddBusinessTime_MexicoCitySameWeekend_KeepsItsOffset()
    {
        // Saturday 21:00 CST; one hour until 22:00, then Sunday 09:00 CST (15:00Z) plus one.
        var start = MexicoCityTime(2026, 3, 7, 21);

        Assert.Equal(Utc(2026, 3, 8, 16), BusinessCalendar.DemoCallCenter().AddBusinessTime(start, TimeSpan.FromHours(2)));
    }

    // Each week runs Wednesday to Wednesday around one Sunday: 2026-03-08 or 2026-11-01.
    [Theory]
    [InlineData(Tijuana, 3, 4, 3, 11, 23)]
    [InlineData(Tijuana, 10, 28, 11, 4, 25)]
    [InlineData(MexicoCity, 3, 4, 3, 11, 24)]
    [InlineData(MexicoCity, 10, 28, 11, 4, 24)]
    public void BusinessTimeBetween_WholeSundayOfAChange_LastsAsLongAsTheWallClockDay(string zone, int fromMonth, int fromDay, int toMonth, int toDay, int hours)
    {
        var sundaysOnly = new BusinessCalendar(zone, [new(DayOfWeek.Sunday, TimeSpan.Zero, OpeningHours.EndOfDay)], mexicanRestDays: false);

        Assert.Equal(TimeSpan.FromHours(hours), sundaysOnly.BusinessTimeBetween(Utc(2026, fromMonth, fromDay, 12), Utc(2026, toMonth, toDay, 12)));
    }

    [Theory]
    [InlineData(2026, 3, 7, 12)]
    [InlineData(2026, 10, 31, 12)]
    public void AddBusinessTime_TijuanaAlwaysOpenAcrossAChange_IsCalendarTime(int year, int month, int day, int hour)
    {
        var start = Utc(year, month, day, hour);

        Assert.Equal(start.AddHours(36), BusinessCalendar.AlwaysOpen(Tijuana).AddBusinessTime(start, TimeSpan.FromHours(36)));
    }

    [Fact]
    public void AddBusinessDays_TijuanaOverSpringForward_KeepsTheWallClockTime()
    {
        // Friday 10:00 PST (18:00Z) → Monday 10:00 PDT (17:00Z).
        Assert.Equal(Utc(2026, 3, 9, 17), BusinessCalendar.MexicanBusinessDays(Tijuana).AddBusinessDays(Utc(2026, 3, 6, 18), 1));
    }

    [Fact]
    public void AddBusinessDays_MexicoCitySameWeekend_IsUnaffected() =>
        Assert.Equal(Utc(2026, 3, 9, 16), BusinessCalendar.MexicanBusinessDays().AddBusinessDays(Utc(2026, 3, 6, 16), 1));

    [Fact]
    public void AddBusinessDays_LandingInTheSkippedHour_MovesPastTheJump()
    {
        // Saturday 02:30 PST (10:30Z); Sunday has no 02:30, so 03:30 PDT, which is also 10:30Z.
        Assert.Equal(Utc(2026, 3, 8, 10, 30), BusinessCalendar.AlwaysOpen(Tijuana).AddBusinessDays(Utc(2026, 3, 7, 10, 30), 1));
    }

    [Fact]
    public void AddBusinessDays_LandingInTheRepeatedHour_TakesItsFirstOccurrence()
    {
        // Saturday 01:30 PDT (08:30Z); Sunday's 01:30 happens twice, first at 08:30Z (PDT).
        Assert.Equal(Utc(2026, 11, 1, 8, 30), BusinessCalendar.AlwaysOpen(Tijuana).AddBusinessDays(Utc(2026, 10, 31, 8, 30), 1));
    }

    [Fact]
    public void AddCalendarDays_TijuanaOverSpringForward_IsTwentyThreeHours()
    {
        var start = Utc(2026, 3, 7, 20);

        Assert.Equal(start.AddHours(23), BusinessCalendar.AlwaysOpen(Tijuana).AddCalendarDays(start, 1));
    }

    [Fact]
    public void IsOpenAt_LocalTime_IsRefused() =>
        Assert.Throws<ArgumentException>(() => BusinessCalendar.AlwaysOpen().IsOpenAt(new DateTime(2026, 3, 8, 12, 0, 0, DateTimeKind.Local)));
}
