using System.Diagnostics;

namespace Ventanilla.Deadlines;

/// <summary>Due times and their state for a rule, a start, a calendar and the ticket's pauses.</summary>
public static class Deadline
{
    /// <summary>The share of the allowed time after which a clock is at risk.</summary>
    public const double DefaultAtRiskAt = 0.75;

    /// <summary>
    /// The due time. When the rule pauses, each pause that begins before the (extended) due time
    /// pushes it back by its length, measured the way the rule counts: open time for business
    /// units, wall time for calendar units. Null while a pause with no end holds the clock.
    /// </summary>
    public static DateTime? Compute(DeadlineRule rule, DateTime reportedAtUtc, BusinessCalendar calendar, IReadOnlyList<(DateTime From, DateTime? To)> pauses)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(pauses);
        var reported = ZoneTime.AsUtc(reportedAtUtc);
        var due = Unpaused(rule, reported, calendar);
        if (!rule.PausesWhileWaitingOnSubscriber)
        {
            return due;
        }

        foreach (var (from, to) in Pauses.Merge(pauses, reported))
        {
            if (from >= due)
            {
                break;
            }

            if (to is not { } end)
            {
                return null;
            }

            due = rule.IsInBusinessTime
                ? calendar.AddBusinessTime(due, calendar.BusinessTimeBetween(from, end))
                : due + (end - from);
        }

        return due;
    }

    /// <summary>
    /// The clock's state at <paramref name="nowUtc"/>: overdue after the due time; at risk once the
    /// running time (pauses left out) reaches <paramref name="atRiskAt"/> of the allowed time;
    /// otherwise on time. A pause still open counts as ending now.
    /// </summary>
    public static DeadlineState StateAt(
        DateTime nowUtc,
        DeadlineRule rule,
        DateTime reportedAtUtc,
        BusinessCalendar calendar,
        IReadOnlyList<(DateTime From, DateTime? To)> pauses,
        double atRiskAt = DefaultAtRiskAt)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(pauses);
        ArgumentOutOfRangeException.ThrowIfNegative(atRiskAt);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(atRiskAt, 1);
        var now = ZoneTime.AsUtc(nowUtc);
        var reported = ZoneTime.AsUtc(reportedAtUtc);
        var upToNow = Pauses.UpTo(pauses, now);
        var due = Compute(rule, reported, calendar, upToNow) ?? throw new UnreachableException("Every pause has ended by now.");

        var allowed = Measure(rule, calendar, reported, Unpaused(rule, reported, calendar));
        var used = Measure(rule, calendar, reported, now);
        if (rule.PausesWhileWaitingOnSubscriber)
        {
            used = Pauses.Merge(upToNow, reported)
                .Aggregate(used, (total, p) => total - Measure(rule, calendar, p.From, p.To ?? now));
        }

        var status = now > due ? DeadlineStatus.Overdue
            : used >= allowed * atRiskAt ? DeadlineStatus.AtRisk
            : DeadlineStatus.OnTime;
        return new DeadlineState(status, due, due - now);
    }

    private static DateTime Unpaused(DeadlineRule rule, DateTime reported, BusinessCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rule.Amount);
        return rule.Unit switch
        {
            DeadlineUnit.CalendarHours => reported.AddHours(rule.Amount),
            // Calendar days keep the local time of day, so a day across a daylight-saving change is 23 or 25 hours.
            DeadlineUnit.CalendarDays => calendar.AddCalendarDays(reported, rule.Amount),
            DeadlineUnit.BusinessHours => calendar.AddBusinessTime(reported, TimeSpan.FromHours(rule.Amount)),
            DeadlineUnit.BusinessDays => calendar.AddBusinessDays(reported, rule.Amount),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Unit, "Unknown deadline unit."),
        };
    }

    private static TimeSpan Measure(DeadlineRule rule, BusinessCalendar calendar, DateTime from, DateTime to) =>
        rule.IsInBusinessTime ? calendar.BusinessTimeBetween(from, to) : to - from;
}
