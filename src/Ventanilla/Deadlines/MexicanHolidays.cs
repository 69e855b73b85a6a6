namespace Ventanilla.Deadlines;

/// <summary>
/// The mandatory rest days of the Ley Federal del Trabajo, art. 74, which are not business days.
/// Election days are announced, not computed, so providers add them as extra closed dates.
/// </summary>
public static class MexicanHolidays
{
    // The federal executive changes every six years: on October 1 since the 2014 reform took effect
    // in 2024, on December 1 before it (2018, 2012, …), which still matters for old tickets.
    private const int FirstOctoberTransition = 2024;
    private const int TermYears = 6;

    public static IReadOnlySet<DateOnly> For(int year)
    {
        var days = new HashSet<DateOnly>
        {
            new(year, 1, 1),
            NthMonday(year, 2, 1),
            NthMonday(year, 3, 3),
            new(year, 5, 1),
            new(year, 9, 16),
            NthMonday(year, 11, 3),
            new(year, 12, 25),
        };
        if (IsTransitionYear(year))
        {
            days.Add(year >= FirstOctoberTransition ? new DateOnly(year, 10, 1) : new DateOnly(year, 12, 1));
        }

        return days;
    }

    public static bool Contains(DateOnly date) => For(date.Year).Contains(date);

    public static bool IsTransitionYear(int year) => (year - FirstOctoberTransition) % TermYears == 0;

    private static DateOnly NthMonday(int year, int month, int n)
    {
        var first = new DateOnly(year, month, 1);
        var toMonday = ((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7;
        return first.AddDays(toMonday + (7 * (n - 1)));
    }
}
