namespace Ventanilla.Deadlines;

/// <summary>
/// One stretch of open time on a day of the week, in local time: open from <see cref="Start"/> up
/// to, not including, <see cref="End"/>. <see cref="End"/> may be 24:00, which is why these are
/// spans from midnight rather than <see cref="TimeOnly"/>.
/// </summary>
public sealed record OpeningHours(DayOfWeek Day, TimeSpan Start, TimeSpan End)
{
    public static readonly TimeSpan EndOfDay = TimeSpan.FromHours(24);

    /// <summary>The same hours on several days, e.g. Monday to Saturday 07:00–22:00.</summary>
    public static IEnumerable<OpeningHours> On(IEnumerable<DayOfWeek> days, TimeSpan start, TimeSpan end) =>
        days.Select(d => new OpeningHours(d, start, end));

    public static IEnumerable<OpeningHours> EveryDay(TimeSpan start, TimeSpan end) => On(Enum.GetValues<DayOfWeek>(), start, end);

    public static IEnumerable<OpeningHours> MondayToFriday(TimeSpan start, TimeSpan end) =>
        On([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], start, end);

    public static IEnumerable<OpeningHours> MondayToSaturday(TimeSpan start, TimeSpan end) =>
        MondayToFriday(start, end).Append(new OpeningHours(DayOfWeek.Saturday, start, end));

    internal bool IsValid => Start >= TimeSpan.Zero && Start < End && End <= EndOfDay;
}
