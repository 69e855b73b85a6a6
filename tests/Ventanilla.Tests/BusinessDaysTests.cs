using Ventanilla.Deadlines;
using static Ventanilla.Tests.Calendars;

namespace Ventanilla.Tests;

public class BusinessDaysTests
{
    private static readonly BusinessCalendar Legal = BusinessCalendar.MexicanBusinessDays();
    private static readonly BusinessCalendar Office = new(MexicoCity, OpeningHours.MondayToFriday(TimeSpan.FromHours(9), TimeSpan.FromHours(18)));

    [Fact]
    public void AddBusinessDays_ComplaintOnFriday13March_SkipsWeekendsAndTheMarch16RestDay()
    {
        // Tue 17 is day 1, so day 15 is Monday 6 April rather than Friday 3 April.
        var filed = MexicoCityTime(2026, 3, 13, 10);

        Assert.Equal(MexicoCityTime(2026, 4, 6, 10), Legal.AddBusinessDays(filed, 15));
    }

    [Fact]
    public void AddBusinessDays_WithoutRestDays_CountsTheHolidayMonday()
    {
        var weekdays = new BusinessCalendar(MexicoCity, Legal.Hours, mexicanRestDays: false);

        Assert.Equal(MexicoCityTime(2026, 4, 3, 10), weekdays.AddBusinessDays(MexicoCityTime(2026, 3, 13, 10), 15));
    }

    [Fact]
    public void AddBusinessDays_FiledOnSaturday_MondayIsTheFirstDay() =>
        Assert.Equal(MexicoCityTime(2026, 3, 9, 12), Legal.AddBusinessDays(MexicoCityTime(2026, 3, 7, 12), 1));

    [Fact]
    public void AddBusinessDays_FiledAfterClosing_IsDueAtClosingOfTheLastDay()
    {
        // From Tue 10 March: Wed 11, Thu 12, Fri 13, (rest day Mon 16), Tue 17, Wed 18.
        var filed = MexicoCityTime(2026, 3, 10, 21, 30);

        Assert.Equal(MexicoCityTime(2026, 3, 18, 18), Office.AddBusinessDays(filed, 5));
    }

    [Fact]
    public void AddBusinessDays_FiledDuringHours_IsDueAtTheSameTime() =>
        Assert.Equal(MexicoCityTime(2026, 3, 18, 11, 15), Office.AddBusinessDays(MexicoCityTime(2026, 3, 10, 11, 15), 5));

    [Fact]
    public void AddBusinessDays_ExtraClosedDate_IsNotCounted()
    {
        var electionDay = new DateOnly(2026, 3, 17);
        var calendar = BusinessCalendar.MexicanBusinessDays(extraClosedDates: [electionDay]);

        Assert.False(calendar.IsBusinessDay(electionDay));
        Assert.Equal(MexicoCityTime(2026, 3, 18, 10), calendar.AddBusinessDays(MexicoCityTime(2026, 3, 13, 10), 1));
    }

    [Fact]
    public void AddBusinessDays_Zero_IsTheStart() =>
        Assert.Equal(MexicoCityTime(2026, 3, 14, 10), Legal.AddBusinessDays(MexicoCityTime(2026, 3, 14, 10), 0));

    [Theory]
    [InlineData(2026, 3, 13, true)]
    [InlineData(2026, 3, 14, false)]
    [InlineData(2026, 3, 15, false)]
    [InlineData(2026, 3, 16, false)]
    [InlineData(2030, 10, 1, false)]
    [InlineData(2026, 10, 1, true)]
    public void IsBusinessDay_LegalCalendar_ExcludesWeekendsAndRestDays(int year, int month, int day, bool business) =>
        Assert.Equal(business, Legal.IsBusinessDay(new DateOnly(year, month, day)));
}
