namespace Ventanilla.Deadlines;

/// <summary>The stretches a ticket waited on the subscriber, tidied before a clock counts them.</summary>
internal static class Pauses
{
    /// <summary>
    /// Sorted, with overlaps joined and anything before the start cut off, so no stretch counts
    /// twice and time before the report never extends a deadline. An open pause swallows the rest.
    /// </summary>
    public static List<(DateTime From, DateTime? To)> Merge(IEnumerable<(DateTime From, DateTime? To)> pauses, DateTime start)
    {
        var merged = new List<(DateTime From, DateTime? To)>();
        foreach (var (rawFrom, rawTo) in pauses.OrderBy(p => p.From))
        {
            var from = ZoneTime.AsUtc(rawFrom);
            DateTime? to = rawTo is { } t ? ZoneTime.AsUtc(t) : null;
            if (to < from)
            {
                throw new ArgumentException($"A pause from {from:O} ends before it starts.", nameof(pauses));
            }

            if (to <= start)
            {
                continue;
            }

            from = from < start ? start : from;
            if (merged.Count > 0 && merged[^1].To is null)
            {
                break;
            }

            if (merged.Count > 0 && from <= merged[^1].To)
            {
                var last = merged[^1];
                merged[^1] = (last.From, to is null || to > last.To ? to : last.To);
            }
            else
            {
                merged.Add((from, to));
            }
        }

        return merged;
    }

    /// <summary>The pauses as they stand at a moment: later ones dropped, an open one ending then.</summary>
    public static List<(DateTime From, DateTime? To)> UpTo(IEnumerable<(DateTime From, DateTime? To)> pauses, DateTime now) =>
        [.. pauses
            .Where(p => ZoneTime.AsUtc(p.From) < now)
            .Select(p => (p.From, (DateTime?)(p.To is { } to && to < now ? to : now)))];
}
