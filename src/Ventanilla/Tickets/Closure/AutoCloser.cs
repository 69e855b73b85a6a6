using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ventanilla.Data;
using Ventanilla.Deadlines;
using Ventanilla.Hosting;
using Ventanilla.Provider;

namespace Ventanilla.Tickets.Closure;

/// <summary>
/// Closes folios whose subscriber did not answer the notice within <c>FollowUp:AutoCloseDays</c>
/// business days, recording that there was no answer.
/// </summary>
public sealed class AutoCloser(VentanillaDbContext db, ClosureDesk closure, ProviderDirectory provider,
    IOptions<FollowUpOptions> options, TimeProvider clock)
{
    private const int Batch = 100;

    /// <summary>One pass; answers how many folios it closed.</summary>
    public async Task<int> CloseUnansweredAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var days = options.Value.AutoCloseDays;
        var calendar = BusinessCalendar.MexicanBusinessDays(provider.Current.TimeZone);
        // N business days are never fewer than N calendar days, so this bound only drops folios too young to close.
        var notifiedBefore = now.AddDays(-days);
        var candidates = await db.Tickets
            .Where(t => t.Status == TicketStatus.Notified && t.NotifiedAt != null && t.NotifiedAt <= notifiedBefore)
            .OrderBy(t => t.NotifiedAt).Select(t => new { t.Id, t.NotifiedAt }).Take(Batch).ToListAsync(ct);
        var closed = 0;
        foreach (var candidate in candidates.Where(c => calendar.AddBusinessDays(c.NotifiedAt!.Value, days) <= now))
        {
            db.ChangeTracker.Clear();
            var ticket = await db.Tickets.Include(t => t.Subscriber).SingleAsync(t => t.Id == candidate.Id, ct);
            if (await closure.CloseUnansweredAsync(ticket, days, now, ct) is not null)
            {
                continue;
            }

            try
            {
                await db.SaveChangesAsync(ct);
                closed++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone answered or changed it meanwhile: their change stands, and the next pass looks again.
            }
        }

        return closed;
    }
}

/// <summary>Runs the auto-close pass on a timer, one DI scope per pass.</summary>
public sealed class AutoCloseWorker(IServiceScopeFactory scopes, IOptions<FollowUpOptions> options, TimeProvider clock,
    ILogger<AutoCloseWorker> log) : PeriodicJob(clock, log)
{
    protected override TimeSpan Interval => options.Value.AutoCloseEvery;

    // Folios wait days to be closed: nothing is gained by a pass while the service is still starting.
    protected override bool PassAtStart => false;

    protected override async Task RunPassAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var closed = await scope.ServiceProvider.GetRequiredService<AutoCloser>().CloseUnansweredAsync(ct);
        if (closed > 0)
        {
            log.LogInformation("Closed {Count} folios left unanswered after their notice", closed);
        }
    }
}
