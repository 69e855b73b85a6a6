namespace Ventanilla.Deadlines;

/// <summary>
/// When a provider (or one of its areas) counts as working: weekly hours in an IANA zone, minus
/// Mexico's mandatory rest days when they apply, minus the provider's own closed dates.
/// Deadlines in business hours or business days are counted on one of these.
/// </summary>
public sealed partial record BusinessCalendar
{
    public const string DefaultTimeZoneId = "America/Mexico_City";

    private readonly TimeZoneInfo zone;
    private readonly ILookup<DayOfWeek, OpeningHours> byDay;
    private readonly HashSet<DateOnly> closed;

    public BusinessCalendar(string timeZoneId, IEnumerable<OpeningHours> hours, bool mexicanRestDays = true, IEnumerable<DateOnly>? extraClosedDates = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(timeZoneId);
        ArgumentNullException.ThrowIfNull(hours);
        zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        TimeZoneId = timeZoneId;
        Hours = [.. hours.OrderBy(h => h.Day).ThenBy(h => h.Start)];
        MexicanRestDays = mexicanRestDays;
        ExtraClosedDates = [.. (extraClosedDates ?? []).Distinct().Order()];
        Validate(Hours);
        byDay = Hours.ToLookup(h => h.Day);
        closed = [.. ExtraClosedDates];
    }

    public string TimeZoneId { get; }

    public IReadOnlyList<OpeningHours> Hours { get; }

    /// <summary>Whether the Ley Federal del Trabajo's mandatory rest days close this calendar.</summary>
    public bool MexicanRestDays { get; }

    /// <summary>The provider's own closed dates: election days, a local holiday, a move.</summary>
    public IReadOnlyList<DateOnly> ExtraClosedDates { get; }

    /// <summary>Open every minute of every day, rest days included: business time is calendar time.</summary>
    public static BusinessCalendar AlwaysOpen(string timeZoneId = DefaultTimeZoneId) =>
        new(timeZoneId, OpeningHours.EveryDay(TimeSpan.Zero, OpeningHours.EndOfDay), mexicanRestDays: false);

    /// <summary>
    /// The legal business days: every hour of Monday to Friday, except the mandatory rest days.
    /// The terms the authority sets in business days (answering a complaint) are counted on it.
    /// </summary>
    public static BusinessCalendar MexicanBusinessDays(string timeZoneId = DefaultTimeZoneId, IEnumerable<DateOnly>? extraClosedDates = null) =>
        new(timeZoneId, OpeningHours.MondayToFriday(TimeSpan.Zero, OpeningHours.EndOfDay), mexicanRestDays: true, extraClosedDates);

    /// <summary>
    /// The demo provider's call center: Monday to Saturday 07:00–22:00, Sunday 09:00–17:00. The seed
    /// procedure publishes no closing on rest days, and a center open on Sundays plausibly opens on
    /// them too, so they do not apply; a provider that closes switches them on.
    /// </summary>
    public static BusinessCalendar DemoCallCenter(string timeZoneId = DefaultTimeZoneId) =>
        new(timeZoneId,
            OpeningHours.MondayToSaturday(TimeSpan.FromHours(7), TimeSpan.FromHours(22))
                .Append(new OpeningHours(DayOfWeek.Sunday, TimeSpan.FromHours(9), TimeSpan.FromHours(17))),
            mexicanRestDays: false);

    /// <summary>A date with open hours that is neither a rest day (when they apply) nor an extra closed date.</summary>
    public bool IsBusinessDay(DateOnly date) =>
        byDay[date.DayOfWeek].Any() && !closed.Contains(date) && !(MexicanRestDays && MexicanHolidays.Contains(date));

    // Records compare their fields; these compare what the calendar says instead, list by list.
    public bool Equals(BusinessCalendar? other) =>
        other is not null
        && TimeZoneId == other.TimeZoneId
        && MexicanRestDays == other.MexicanRestDays
        && Hours.SequenceEqual(other.Hours)
        && ExtraClosedDates.SequenceEqual(other.ExtraClosedDates);

    public override int GetHashCode() => HashCode.Combine(TimeZoneId, MexicanRestDays, Hours.Count, ExtraClosedDates.Count);

    private static void Validate(IReadOnlyList<OpeningHours> hours)
    {
        if (hours.Count == 0)
        {
            throw new ArgumentException("A calendar needs open hours on at least one day.", nameof(hours));
        }

        for (var i = 0; i < hours.Count; i++)
        {
            var h = hours[i];
            if (!h.IsValid)
            {
                throw new ArgumentException($"{h.Day} {h.Start}–{h.End} must start before it ends, within 00:00–24:00.", nameof(hours));
            }

            if (i > 0 && hours[i - 1].Day == h.Day && hours[i - 1].End > h.Start)
            {
                throw new ArgumentException($"{h.Day} has overlapping hours at {h.Start}.", nameof(hours));
            }
        }
    }
}
