using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Deadlines;
using Ventanilla.Deadlines.Rules;
using Ventanilla.Tickets;

namespace Ventanilla.Supervision;

/// <summary>One bar of a chart: a day, how many, and for on-time shares how many of how many.</summary>
public sealed record DayFigure(DateOnly Day, int Count, int OnTime, int Due)
{
    /// <summary>Share of the clocks due that day that were met, or null when none was due.</summary>
    public double? OnTimeShare => Due == 0 ? null : (double)OnTime / Due;
}

public sealed record DueRow(string Folio, string Subject, TicketKind Kind, TicketStatus Status, string? Area, DateTime DueAt, DateTime? AtRiskAt);

/// <summary>Open tickets by status, by area name ("" for none), by kind and by channel.</summary>
public sealed record OpenCounts(
    Dictionary<TicketStatus, int> ByStatus,
    List<(string Area, int Count)> ByArea,
    Dictionary<TicketKind, int> ByKind,
    Dictionary<ContactChannel, int> ByChannel);

public sealed record NoticeRow(string Folio, NoticeKind Kind, string Text, DateTime SentAt);

/// <summary>
/// The figures of the supervision page. Every query is bounded by an index: open tickets by status
/// (and its composite indexes), clocks by due and at-risk time, volume by report time, day by day.
/// </summary>
public static class SupervisionQuery
{
    public const int ListSize = 25;

    /// <summary>
    /// Open tickets counted by status, area, kind and channel together: one pass over the open
    /// tickets instead of four, the four breakdowns summed from its few thousand groups.
    /// </summary>
    public static async Task<OpenCounts> OpenCountsAsync(VentanillaDbContext db, CancellationToken ct)
    {
        var groups = await db.Tickets.StillOpen().GroupBy(t => new { t.Status, t.AreaId, t.Kind, t.Channel })
            .Select(g => new { g.Key.Status, g.Key.AreaId, g.Key.Kind, g.Key.Channel, Count = g.Count() })
            .ToListAsync(ct);
        var names = await db.Areas.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        return new OpenCounts(
            groups.GroupBy(g => g.Status).ToDictionary(g => g.Key, g => g.Sum(x => x.Count)),
            [.. groups.GroupBy(g => g.AreaId is { } id ? names.GetValueOrDefault(id, "") : "")
                .Select(g => (g.Key, g.Sum(x => x.Count))).OrderByDescending(a => a.Item2)],
            groups.GroupBy(g => g.Kind).ToDictionary(g => g.Key, g => g.Sum(x => x.Count)),
            groups.GroupBy(g => g.Channel).ToDictionary(g => g.Key, g => g.Sum(x => x.Count)));
    }

    public static async Task<(List<DueRow> Rows, int Total)> DueSoonAsync(VentanillaDbContext db, DateTime now, CancellationToken ct)
    {
        var query = db.Tickets.DueSoon(now);
        return (await Rows(query.OrderBy(t => t.DueAt), ct), await query.CountAsync(ct));
    }

    public static async Task<(List<DueRow> Rows, int Total)> OverdueAsync(VentanillaDbContext db, DateTime now, CancellationToken ct)
    {
        var query = db.Tickets.Overdue(now);
        return (await Rows(query.OrderBy(t => t.DueAt), ct), await query.CountAsync(ct));
    }

    public static async Task<List<NoticeRow>> RecentNoticesAsync(VentanillaDbContext db, CancellationToken ct) =>
        await db.DeadlineNotices.OrderByDescending(n => n.SentAt).Take(ListSize)
            .Join(db.Tickets, n => n.TicketId, t => t.Id, (n, t) => new NoticeRow(t.Folio, n.Kind, n.Text, n.SentAt))
            .ToListAsync(ct);

    /// <summary>
    /// For each of the last <paramref name="days"/> local days, today included: the reports received,
    /// and of the resolution clocks due that day (up to now), how many were met. The whole range is
    /// read in two queries and cut into local days here, instead of two or three counts per day.
    /// </summary>
    public static async Task<List<DayFigure>> DailyAsync(VentanillaDbContext db, DateTime now, TimeZoneInfo zone, int days, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, zone));
        var first = today.AddDays(-(days - 1));
        // bounds[i] is the UTC start of local day i; bounds[days] the end of today.
        var bounds = Enumerable.Range(0, days + 1)
            .Select(i => ZoneTime.ToUtc(first.AddDays(i).ToDateTime(TimeOnly.MinValue), zone))
            .ToArray();
        var from = bounds[0];
        var to = bounds[days];
        // Clocks count only once due: today's up to now.
        var dueEnd = to < now ? to : now;

        var reported = await db.Tickets.Where(t => t.ReportedAt >= from && t.ReportedAt < to)
            .Select(t => t.ReportedAt).ToListAsync(ct);
        // Met: the clock stopped (service back, answer given, subscriber told, closed) by the due time.
        var due = await db.Tickets.Where(t => t.DueAt >= from && t.DueAt < dueEnd && t.Status != TicketStatus.Cancelled)
            .Select(t => new
            {
                DueAt = t.DueAt!.Value,
                StoppedAt = t.ServiceRestoredAt ?? (t.Resolution != null ? (DateTime?)t.Resolution.ResolvedAt : null) ?? t.NotifiedAt ?? t.ClosedAt,
            })
            .ToListAsync(ct);

        var reportedByDay = new int[days];
        foreach (var at in reported)
        {
            reportedByDay[DayOf(bounds, at)]++;
        }

        var dueByDay = new int[days];
        var onTimeByDay = new int[days];
        foreach (var clock in due)
        {
            var day = DayOf(bounds, clock.DueAt);
            dueByDay[day]++;
            if (clock.StoppedAt <= clock.DueAt)
            {
                onTimeByDay[day]++;
            }
        }

        return [.. Enumerable.Range(0, days).Select(i => new DayFigure(first.AddDays(i), reportedByDay[i], onTimeByDay[i], dueByDay[i]))];
    }

    /// <summary>The local day a time within <paramref name="bounds"/> falls in: the last start not after it.</summary>
    private static int DayOf(DateTime[] bounds, DateTime at)
    {
        var found = Array.BinarySearch(bounds, at);
        return found >= 0 ? found : ~found - 1;
    }

    private static Task<List<DueRow>> Rows(IQueryable<Ticket> query, CancellationToken ct) =>
        query.Take(ListSize)
            .Select(t => new DueRow(t.Folio, t.Subject, t.Kind, t.Status, t.Area != null ? t.Area.Name : null, t.DueAt!.Value, t.AtRiskAt))
            .ToListAsync(ct);
}
