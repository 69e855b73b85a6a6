using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Messaging;
using Ventanilla.Network.Compensation;
using Ventanilla.Tickets;

namespace Ventanilla.Network.Outages.Pages;

/// <summary>
/// The post-incident report, computed from what is stored and never written by hand: reports per
/// hour, services affected, notices per channel, minutes without service, compensation, cause.
/// </summary>
public sealed record PostIncidentReport(
    Outage Outage,
    IReadOnlyList<string> NodeNames,
    IReadOnlyList<(DateTime Hour, int Reports)> ReportsPerHour,
    int LinkedReports,
    int ServicesAffected,
    IReadOnlyList<NoticeFigures> Notices,
    IReadOnlyList<(string Range, int Services)> Downtime,
    long TotalMinutes,
    IReadOnlyList<(CompensationState State, int Lines, decimal AmountMxn)> Compensation)
{
    /// <summary>At most this many hourly bars: a week; longer outages show their first week.</summary>
    public const int MaxHours = 168;

    public decimal CompensationTotal => Compensation.Where(c => c.State != CompensationState.NotOwed).Sum(c => c.AmountMxn);

    public static async Task<PostIncidentReport?> BuildAsync(VentanillaDbContext db, long id, TimeZoneInfo zone, DateTime now, CancellationToken ct)
    {
        var outage = await db.Outages.AsNoTracking().AsSplitQuery().Include(o => o.Nodes).Include(o => o.Timeline).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (outage is null)
        {
            return null;
        }

        var nodes = await OutageQueries.NodesOfAsync(db, [outage], ct);
        var reported = await db.Tickets.AsNoTracking().Where(t => t.OutageId == id).Select(t => t.ReportedAt).ToListAsync(ct);
        var services = outage.Nodes.Count == 0 ? new List<long>() : await db.ActiveServicesUnder(outage.Paths()).Select(s => s.Id).ToListAsync(ct);
        var lines = await db.CompensationLines.AsNoTracking().Where(l => l.OutageId == id)
            .Select(l => new { l.ServiceId, l.State, l.AmountMxn, l.MinutesWithoutService }).ToListAsync(ct);
        var notices = await (from n in db.OutageNotices.AsNoTracking().Where(n => n.OutageId == id)
                             join m in db.Outbox on n.OutboxMessageId equals (long?)m.Id into sent
                             from m in sent.DefaultIfEmpty()
                             select new { n.Channel, State = (OutboxState?)m.State }).ToListAsync(ct);

        // Minutes each service was without it: the ledger's figure when a line was computed, else start → restoration (or now).
        var end = outage.RestoredAt ?? (outage.IsActive ? now : outage.ClosedAt ?? now);
        var fromOutage = (long)Math.Max(0, (end - outage.StartedAt).TotalMinutes);
        var minutes = services.Select(s => lines.FirstOrDefault(l => l.ServiceId == s) is { } line ? line.MinutesWithoutService : fromOutage).ToList();

        return new PostIncidentReport(
            outage,
            [.. outage.Nodes.Select(n => nodes.TryGetValue(n.NodeId, out var node) ? $"{node.Code} ({node.Name})" : "?")],
            PerHour(reported, outage.StartedAt, zone),
            reported.Count,
            services.Count,
            [.. notices.GroupBy(n => n.Channel).OrderBy(g => g.Key).Select(g => new NoticeFigures(g.Key,
                g.Count(),
                g.Count(n => n.State is OutboxState.Sent or OutboxState.Delivered or OutboxState.Read),
                g.Count(n => n.State is OutboxState.Delivered or OutboxState.Read),
                g.Count(n => n.State is OutboxState.Failed or OutboxState.Withheld or OutboxState.Cancelled),
                g.Count(n => n.State is null)))],
            Distribution(minutes),
            minutes.Sum(m => (long)m),
            [.. lines.GroupBy(l => l.State).OrderBy(g => g.Key).Select(g => (g.Key, g.Count(), g.Sum(l => l.AmountMxn)))]);
    }

    /// <summary>Reports by the hour they arrived in the provider's zone, with the empty hours between as zeros.</summary>
    private static List<(DateTime, int)> PerHour(List<DateTime> reported, DateTime startedAt, TimeZoneInfo zone)
    {
        if (reported.Count == 0)
        {
            return [];
        }

        DateTime Hour(DateTime utc)
        {
            var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
            return new DateTime(local.Year, local.Month, local.Day, local.Hour, 0, 0, DateTimeKind.Unspecified);
        }

        var counts = reported.GroupBy(Hour).ToDictionary(g => g.Key, g => g.Count());
        var first = new[] { Hour(startedAt), counts.Keys.Min() }.Min();
        var last = counts.Keys.Max();
        var hours = new List<(DateTime, int)>();
        for (var h = first; h <= last && hours.Count < MaxHours; h = h.AddHours(1))
        {
            hours.Add((h, counts.GetValueOrDefault(h)));
        }

        return hours;
    }

    private static List<(string, int)> Distribution(List<long> minutes) =>
    [
        ("menos de 1 hora", minutes.Count(m => m < 60)),
        ("de 1 a 4 horas", minutes.Count(m => m is >= 60 and < 240)),
        ("de 4 a 24 horas", minutes.Count(m => m is >= 240 and < 1440)),
        ("más de 24 horas", minutes.Count(m => m >= 1440)),
    ];
}

/// <summary>Notices about the outage on one channel: queued, sent, delivered, failed, and those with no channel to reach.</summary>
public sealed record NoticeFigures(ContactChannel Channel, int Queued, int Sent, int Delivered, int Failed, int Unreachable);
