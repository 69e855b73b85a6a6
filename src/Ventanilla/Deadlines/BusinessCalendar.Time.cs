using System.Diagnostics;

namespace Ventanilla.Deadlines;

public sealed partial record BusinessCalendar
{
    public bool IsOpenAt(DateTime utc)
    {
        utc = ZoneTime.AsUtc(utc);
        return OpenFrom(utc).First().Start == utc;
    }

    /// <summary>The earliest instant at or after <paramref name="utc"/> when the calendar is open: itself when open.</summary>
    public DateTime NextOpening(DateTime utc) => OpenFrom(ZoneTime.AsUtc(utc)).First().Start;

    /// <summary>The instant when <paramref name="amount"/> of open time has passed since the start.</summary>
    public DateTime AddBusinessTime(DateTime startUtc, TimeSpan amount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(amount, TimeSpan.Zero);
        var start = ZoneTime.AsUtc(startUtc);
        if (amount == TimeSpan.Zero)
        {
            return start;
        }

        var left = amount;
        foreach (var (from, to) in OpenFrom(start))
        {
            // Reaching the amount exactly at closing time is due at closing, not at the next opening.
            if (left <= to - from)
            {
                return from + left;
            }

            left -= to - from;
        }

        throw new UnreachableException();
    }

    /// <summary>The open time between two instants; negative when they come in reverse order.</summary>
    public TimeSpan BusinessTimeBetween(DateTime fromUtc, DateTime toUtc)
    {
        var from = ZoneTime.AsUtc(fromUtc);
        var to = ZoneTime.AsUtc(toUtc);
        if (to < from)
        {
            return -BusinessTimeBetween(to, from);
        }

        var total = TimeSpan.Zero;
        foreach (var (start, end) in OpenFrom(from))
        {
            if (start >= to)
            {
                break;
            }

            total += (end < to ? end : to) - start;
        }

        return total;
    }

    /// <summary>
    /// The deadline of a term in business days: the same local time as the start, on the
    /// <paramref name="days"/>th business day after the start's local date, or that day's closing
    /// time if the start's time of day is later than it.
    /// </summary>
    /// <remarks>
    /// A term of N days gives N whole days, hence the same time of day; a filing at 10:00 has until
    /// 10:00. It is capped at closing time because the answer is due while someone is there to give
    /// it: a report at 21:30 on an office calendar closing at 18:00 is due at 18:00. The start date
    /// itself never counts, business day or not: a filing on Saturday has Monday as its first day.
    /// </remarks>
    public DateTime AddBusinessDays(DateTime startUtc, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var start = ZoneTime.AsUtc(startUtc);
        if (days == 0)
        {
            return start;
        }

        var local = ZoneTime.ToLocal(start, zone);
        var date = DateOnly.FromDateTime(local);
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsBusinessDay(date))
            {
                counted++;
            }
        }

        var closing = byDay[date.DayOfWeek].Max(h => h.End);
        var time = local.TimeOfDay < closing ? local.TimeOfDay : closing;
        return ZoneTime.ToUtc(date.ToDateTime(TimeOnly.MinValue) + time, zone);
    }

    /// <summary>The same local time <paramref name="days"/> dates later, whatever the calendar's hours.</summary>
    public DateTime AddCalendarDays(DateTime startUtc, int days) =>
        ZoneTime.ToUtc(ZoneTime.ToLocal(ZoneTime.AsUtc(startUtc), zone).AddDays(days), zone);

    // The open stretches from an instant on, in UTC, the first one clipped to start there. Each
    // local date's hours are converted on that date, so they follow the wall clock across a
    // daylight-saving change. Closed dates are finite and the week always has open hours, so the
    // sequence never runs dry.
    private IEnumerable<(DateTime Start, DateTime End)> OpenFrom(DateTime utc)
    {
        // Yesterday too, in case a repeated hour puts its last stretch past local midnight.
        var date = DateOnly.FromDateTime(ZoneTime.ToLocal(utc, zone)).AddDays(-1);
        while (true)
        {
            if (IsBusinessDay(date))
            {
                var midnight = date.ToDateTime(TimeOnly.MinValue);
                foreach (var h in byDay[date.DayOfWeek])
                {
                    var start = ZoneTime.ToUtc(midnight + h.Start, zone);
                    var end = ZoneTime.ToUtc(midnight + h.End, zone);
                    if (end > utc && end > start)
                    {
                        yield return (start > utc ? start : utc, end);
                    }
                }
            }

            date = date.AddDays(1);
        }
    }
}
