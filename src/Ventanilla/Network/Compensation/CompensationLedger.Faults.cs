using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Tickets;

namespace Ventanilla.Network.Compensation;

/// <summary>
/// Lines from individual faults: a fault report resolved as upheld, whose cause the catalogue does
/// not mark as the subscriber's side, not part of an outage, owes from its report to the service's
/// restoration. One resolved as not upheld gets a "no procede" line with its cause, so billing and
/// the reconciliation see it was looked at.
/// </summary>
public sealed partial class CompensationLedger
{
    private static readonly TicketStatus[] Done = [TicketStatus.Resolved, TicketStatus.Notified, TicketStatus.Closed];

    private async Task<int> FromFaultsAsync(CancellationToken ct)
    {
        var lines = db.CompensationLines;
        var written = 0;
        var after = 0L;
        while (!ct.IsCancellationRequested)
        {
            db.ChangeTracker.Clear();
            var batch = await db.Tickets.AsNoTracking()
                .Where(t => t.Id > after && t.Kind == TicketKind.Fault && Done.Contains(t.Status) && t.Resolution != null
                            && t.OutageId == null && t.ServiceRestoredAt != null && (t.ServiceId != null || t.SubscriberId != null)
                            && !lines.Any(l => l.TicketId == t.Id))
                .OrderBy(t => t.Id).Take(Batch).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            after = batch[^1].Id;
            foreach (var ticket in batch)
            {
                if (await ForFaultAsync(ticket, ct) is { } line)
                {
                    written += await StoreAsync([line], $"folio {ticket.Folio}", ct);
                }
            }
        }

        return written;
    }

    private async Task<CompensationLine?> ForFaultAsync(Ticket ticket, CancellationToken ct)
    {
        var serviceId = ticket.ServiceId;
        if (serviceId is null)
        {
            // A subscriber with exactly one service: that is the one that failed. With several, staff point the folio at one.
            var only = await db.Services.AsNoTracking().Where(s => s.SubscriberId == ticket.SubscriberId).Select(s => s.Id).Take(2).ToListAsync(ct);
            serviceId = only.Count == 1 ? only[0] : null;
        }

        var service = serviceId is { } id ? await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) : null;
        if (service is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var policy = await db.CurrentPolicyAsync(now, ct);
        var resolution = ticket.Resolution!;
        var from = await SplitOffAtAsync(ticket, ct) is { } restored && restored > ticket.ReportedAt ? restored : ticket.ReportedAt;
        var origin = Origin(CompensationSource.Fault, null, ticket.Id, service, from, ticket.ServiceRestoredAt!.Value);
        if (!resolution.Upheld)
        {
            return CompensationLine.NotOwed(origin, policy, $"No procede: la revisión mostró una falla ajena al proveedor ({resolution.Cause}).", now);
        }

        var notOurs = await db.Causes.AnyAsync(c => c.Name == resolution.Cause && !c.AttributableToProvider, ct);
        return notOurs
            ? CompensationLine.NotOwed(origin, policy, $"No procede: la causa «{resolution.Cause}» no es atribuible al proveedor.", now)
            : Compute(origin, policy, now);
    }

    /// <summary>
    /// A report split off an outage was owed for the outage's window on the outage's line: its own
    /// line starts at that outage's restoration, so no minute is paid twice.
    /// </summary>
    private async Task<DateTime?> SplitOffAtAsync(Ticket ticket, CancellationToken ct)
    {
        var outageIds = await db.TimelineEntries.AsNoTracking()
            .Where(e => e.TicketId == ticket.Id && e.Type == TimelineEntryType.OutageUnlinked && e.From != null)
            .Select(e => e.From!).ToListAsync(ct);
        var ids = outageIds.Select(s => long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0).Where(v => v > 0).ToList();
        if (ids.Count == 0)
        {
            return null;
        }

        return await db.Outages.AsNoTracking().Where(o => ids.Contains(o.Id) && o.RestoredAt != null).MaxAsync(o => o.RestoredAt, ct);
    }
}
