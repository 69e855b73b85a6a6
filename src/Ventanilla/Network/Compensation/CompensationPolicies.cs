using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;

namespace Ventanilla.Network.Compensation;

/// <summary>The policy versions: the one in force is the highest number.</summary>
public static class CompensationPolicies
{
    public static IQueryable<CompensationPolicy> PolicyVersions(this VentanillaDbContext db) => db.Set<CompensationPolicy>();

    /// <summary>The version in force; version 1 with the rules' defaults is stored when there is none yet.</summary>
    public static async Task<CompensationPolicy> CurrentPolicyAsync(this VentanillaDbContext db, DateTime now, CancellationToken ct = default)
    {
        if (await Latest(db, ct) is { } current)
        {
            return current;
        }

        var initial = CompensationPolicy.Initial(now);
        db.Add(initial);
        try
        {
            await db.SaveChangesAsync(ct);
            return initial;
        }
        catch (DbUpdateException)
        {
            // Another node seeded it at the same moment: the unique number kept one, which is read back.
            db.Entry(initial).State = EntityState.Detached;
            return await Latest(db, ct) ?? throw new InvalidOperationException("No compensation policy could be stored.");
        }
    }

    private static Task<CompensationPolicy?> Latest(VentanillaDbContext db, CancellationToken ct) =>
        db.Set<CompensationPolicy>().OrderByDescending(p => p.Number).FirstOrDefaultAsync(ct);
}

/// <summary>Stores policy version 1 when the service starts on a database that has none.</summary>
internal sealed class CompensationPolicySeed(IServiceScopeFactory scopes, TimeProvider clock) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        await db.CurrentPolicyAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
