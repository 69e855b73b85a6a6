using Ventanilla.Deadlines;
using static Ventanilla.Tests.Calendars;

namespace Ventanilla.Tests;

// 2026-03-10 is a Tuesday; 2026-03-14 and 15 the weekend; 2026-03-16 a rest day (third Monday of March).
public class BusinessCalendarTests
{
    private static readonly BusinessCalendar CallCenter = BusinessCalendar.DemoCallCenter();

    [Theory]
    [InlineData(10, 6, 59, false)]
    [InlineData(10, 7, 0, true)]
    [InlineData(10, 21, 59, true)]
    [InlineData(10, 22, 0, false)]
    [InlineData(15, 8, 30, false)]
    [InlineData(15, 9, 0, true)]
    [InlineData(15, 16, 59, true)]
    [InlineData(15, 17, 0, false)]
    public void IsOpenAt_CallCenter_FollowsWeekdayAndSundayHours(int day, int hour, int minute, bool open) =>
        Assert.Equal(open, CallCenter.IsOpenAt(MexicoCityTime(2026, 3, day, hour, minute)));

    [Fact]
    public void NextOpening_AfterClosing_IsSevenTheNextMorning() =>
        Assert.Equal(MexicoCityTime(2026, 3, 11, 7), CallCenter.NextOpening(MexicoCityTime(2026, 3, 10, 22, 15)));

    [Fact]
    public void NextOpening_WhileOpen_IsNow() =>
        Assert.Equal(MexicoCityTime(2026, 3, 10, 12), CallCenter.NextOpening(MexicoCityTime(2026, 3, 10, 12)));

    [Fact]
    public void AddBusinessTime_ReportAt2130_CountsOnFromSevenTheNextDay() =>
        Assert.Equal(MexicoCityTime(2026, 3, 11, 8, 30), CallCenter.AddBusinessTime(MexicoCityTime(2026, 3, 10, 21, 30), TimeSpan.FromHours(2)));

    [Fact]
    public void AddBusinessTime_SaturdayNight_ResumesAtSundaysLaterOpening() =>
        Assert.Equal(MexicoCityTime(2026, 3, 15, 10, 30), CallCenter.AddBusinessTime(MexicoCityTime(2026, 3, 14, 21, 30), TimeSpan.FromHours(2)));

    [Fact]
    public void AddBusinessTime_SundayAfternoon_StopsAtSundaysEarlierClosing() =>
        Assert.Equal(MexicoCityTime(2026, 3, 16, 8), CallCenter.AddBusinessTime(MexicoCityTime(2026, 3, 15, 16), TimeSpan.FromHours(2)));

    [Fact]
    public void AddBusinessTime_WithRestDays_SkipsTheHolidayMonday()
    {
        var closedOnRestDays = new BusinessCalendar(MexicoCity, CallCenter.Hours, mexicanRestDays: true);

        Assert.Equal(MexicoCityTime(2026, 3, 17, 8), closedOnRestDays.AddBusinessTime(MexicoCityTime(2026, 3, 15, 16), TimeSpan.FromHours(2)));
    }

    [Fact]
    public void AddBusinessTime_ReachingTheAmountAtClosing_IsDueAtClosing() =>
        Assert.Equal(MexicoCityTime(2026, 3, 10, 22), CallCenter.AddBusinessTime(MexicoCityTime(2026, 3, 10, 21), TimeSpan.FromHours(1)));

    [Fact]
    public void AddBusinessTime_Zero_IsTheStartEvenWhenClosed() =>
        Assert.Equal(MexicoCityTime(2026, 3, 10, 23), CallCenter.AddBusinessTime(MexicoCityTime(2026, 3, 10, 23), TimeSpan.Zero));

    [Fact]
    public void BusinessTimeBetween_OverNight_CountsOnlyOpenHours()
    {
        var from = MexicoCityTime(2026, 3, 10, 21);
        var to = MexicoCityTime(2026, 3, 11, 8);

        Assert.Equal(TimeSpan.FromHours(2), CallCenter.BusinessTimeBetween(from, to));
        Assert.Equal(TimeSpan.FromHours(-2), CallCenter.BusinessTimeBetween(to, from));
    }

    [Fact]
    public void AddBusinessTime_ExtraClosedDate_IsSkippedLikeARestDay()
    {
        var closedTuesday = new BusinessCalendar(MexicoCity, CallCenter.Hours, mexicanRestDays: false, [new DateOnly(2026, 3, 11)]);

        Assert.False(closedTuesday.IsBusinessDay(new DateOnly(2026, 3, 11)));
        Assert.Equal(MexicoCityTime(2026, 3, 12, 8, 30), closedTuesday.AddBusinessTime(MexicoCityTime(2026, 3, 10, 21, 30), TimeSpan.FromHours(2)));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(24)]
    [InlineData(100)]
    [InlineData(24 * 400)]
    public void AddBusinessTime_AlwaysOpen_IsCalendarTimeThroughWeekendsAndRestDays(double hours)
    {
        var start = MexicoCityTime(2026, 3, 13, 21, 30);
        var amount = TimeSpan.FromHours(hours);
        var calendar = BusinessCalendar.AlwaysOpen();

        Assert.Equal(start + amount, calendar.AddBusinessTime(start, amount));
        Assert.Equal(amount, calendar.BusinessTimeBetween(start, start + amount));
        Assert.True(calendar.IsOpenAt(MexicoCityTime(2026, 3, 16, 3)));
    }

    [Fact]
    public void Constructor_OverlappingHours_Throws() =>
        Assert.Throws<ArgumentException>(() => new BusinessCalendar(MexicoCity,
        [
            new(DayOfWeek.Monday, TimeSpan.FromHours(13), TimeSpan.FromHours(18)),
            new(DayOfWeek.Monday, TimeSpan.FromHours(9), TimeSpan.FromHours(14)),
        ]));

    [Theory]
    [InlineData(9, 9)]
    [InlineData(18, 9)]
    [InlineData(9, 25)]
    public void Constructor_HoursThatDoNotFitADay_Throw(int start, int end) =>
        Assert.Throws<ArgumentException>(() => new BusinessCalendar(MexicoCity,
            [new(DayOfWeek.Monday, TimeSpan.FromHours(start), TimeSpan.FromHours(end))]));

    [Fact]
    public void Constructor_NoHours_Throws() =>
        Assert.Throws<ArgumentException>(() => new BusinessCalendar(MexicoCity, []));

    [Fact]
    public void Equals_SameHoursInAnotherOrder_IsTheSameCalendar() =>
        Assert.Equal(CallCenter, new BusinessCalendar(MexicoCity, CallCenter.Hours.Reverse(), mexicanRestDays: false));
}
