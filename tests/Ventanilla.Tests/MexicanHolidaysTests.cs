using Ventanilla.Deadlines;

namespace Ventanilla.Tests;

public class MexicanHolidaysTests
{
    [Fact]
    public void For_2026_IsTheEightDaysOfArticle74WithoutATransition()
    {
        DateOnly[] expected =
        [
            new(2026, 1, 1), new(2026, 2, 2), new(2026, 3, 16), new(2026, 5, 1),
            new(2026, 9, 16), new(2026, 11, 16), new(2026, 12, 25),
        ];

        Assert.Equal(expected, MexicanHolidays.For(2026).Order());
        Assert.DoesNotContain(new DateOnly(2026, 10, 1), MexicanHolidays.For(2026));
    }

    [Fact]
    public void For_2030_AddsOctoberFirstForThePresidentialTransition()
    {
        DateOnly[] expected =
        [
            new(2030, 1, 1), new(2030, 2, 4), new(2030, 3, 18), new(2030, 5, 1),
            new(2030, 9, 16), new(2030, 10, 1), new(2030, 11, 18), new(2030, 12, 25),
        ];

        Assert.Equal(expected, MexicanHolidays.For(2030).Order());
    }

    [Theory]
    [InlineData(2024, true)]
    [InlineData(2030, true)]
    [InlineData(2036, true)]
    [InlineData(2026, false)]
    [InlineData(2031, false)]
    public void For_OctoberFirst_OnlyEverySixYearsFrom2024(int year, bool restDay) =>
        Assert.Equal(restDay, MexicanHolidays.For(year).Contains(new DateOnly(year, 10, 1)));

    [Fact]
    public void For_2018_RestsOnDecemberFirst_TheTransitionDayBeforeTheReform()
    {
        Assert.Contains(new DateOnly(2018, 12, 1), MexicanHolidays.For(2018));
        Assert.DoesNotContain(new DateOnly(2018, 10, 1), MexicanHolidays.For(2018));
    }

    [Theory]
    [InlineData(2026)]
    [InlineData(2027)]
    [InlineData(2030)]
    [InlineData(2100)]
    public void For_AnyYear_MovableDaysAreMondaysInTheirWeek(int year)
    {
        var mondays = MexicanHolidays.For(year).Where(d => d.Month is 2 or 3 or 11).ToList();

        Assert.Equal(3, mondays.Count);
        Assert.All(mondays, d => Assert.Equal(DayOfWeek.Monday, d.DayOfWeek));
        Assert.InRange(mondays.Single(d => d.Month == 2).Day, 1, 7);
        Assert.InRange(mondays.Single(d => d.Month == 3).Day, 15, 21);
        Assert.InRange(mondays.Single(d => d.Month == 11).Day, 15, 21);
    }
}
