using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Hosting;

namespace Ventanilla.Web.Idempotency;

/// <summary>
/// Deletes keys past their lifetime. Lookups already ignore expired keys, so the sweep only keeps
/// the table small; its pace does not change what a client sees.
/// </summary>
public sealed class IdempotencySweeper(IServiceScopeFactory scopes, TimeProvider clock, ILogger<IdempotencySweeper> log)
    : PeriodicJob(clock, log)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(10);

    protected override Task RunPassAsync(CancellationToken ct) => SweepAsync(ct);

    /// <summary>One pass; answers how many keys it deleted.</summary>
    public async Task<int> SweepAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        var now = Clock.GetUtcNow().UtcDateTime;
        return await db.IdempotencyKeys.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(ct);
    }
}
