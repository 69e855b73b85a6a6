using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ventanilla.Data;
using Ventanilla.Hosting;
using Ventanilla.Tickets;

namespace Ventanilla.Deadlines.Rules;

/// <summary>
/// After an administrator changes calendars or deadline rules, brings the open tickets' deadlines
/// up to them: a batch at a time, walking tickets by id from a cursor kept in the database, so it
/// holds no long transaction and a restart (or another node) continues where it stopped.
/// </summary>
public sealed class DeadlineRecompute(IServiceScopeFactory scopes, FollowUpDirectory rules, IOptions<FollowUpOptions> options, TimeProvider clock,
    ILogger<DeadlineRecompute> log) : PeriodicJob(clock, log)
{
    protected override TimeSpan Interval => options.Value.JobInterval;

    // Batches until the tickets are up to date. The cursor only moves with a committed batch, so a failed one is retried by the next pass.
    protected override async Task RunPassAsync(CancellationToken ct)
    {
        while (await RunBatchAsync(ct) > 0 && !ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>Recomputes one batch; answers how many tickets it looked at (0 when up to date).</summary>
    public async Task<int> RunBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        var state = await db.Set<FollowUpRevision>().AsNoTracking().FirstAsync(r => r.Id == FollowUpRevision.SingleId, ct);
        if (state.AppliedRevision >= state.Revision)
        {
            return 0;
        }

        var snapshot = rules.Current;
        if (snapshot.Revision < state.Revision)
        {
            // This node has not read the edit yet.
            await rules.RefreshAsync(ct);
            snapshot = rules.Current;
        }

        var tickets = await db.Tickets
            .Where(t => t.Id > state.CursorTicketId)
            .ClockRunning()
            .OrderBy(t => t.Id)
            .Take(options.Value.BatchSize)
            .ToListAsync(ct);
        var ids = tickets.Select(t => t.Id).ToList();
        var pauses = (await db.Set<TicketPause>().AsNoTracking().Where(p => ids.Contains(p.TicketId)).ToListAsync(ct))
            .ToLookup(p => p.TicketId);
        foreach (var ticket in tickets)
        {
            TicketClocks.Recompute(ticket, snapshot.AreaCode(ticket.AreaId), snapshot,
                [.. pauses[ticket.Id].Select(p => p.Span)]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        // Only if no newer edit reset the cursor meanwhile; otherwise the walk starts over for it.
        var last = tickets.Count > 0 ? tickets[^1].Id : state.CursorTicketId;
        await db.Set<FollowUpRevision>()
            .Where(r => r.Id == FollowUpRevision.SingleId && r.Revision == state.Revision)
            .ExecuteUpdateAsync(s =>
            {
                if (tickets.Count == 0)
                {
                    s.SetProperty(r => r.AppliedRevision, state.Revision);
                }
                else
                {
                    s.SetProperty(r => r.CursorTicketId, last);
                }
            }, ct);
        await transaction.CommitAsync(ct);
        return Math.Max(tickets.Count, 1);
    }
}
