using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ventanilla.Data;
using Ventanilla.Hosting;

namespace Ventanilla.Provider;

/// <summary>
/// The provider's profile as the rest of the service reads it: loaded from the database at start,
/// replaced when an administrator saves it, and re-read every minute so that every node of a
/// cluster catches up with a change made on another.
/// </summary>
public sealed class ProviderDirectory(IServiceScopeFactory scopes, IOptions<ProviderOptions> seed, TimeProvider clock,
    ILogger<ProviderDirectory> log) : PeriodicJob(clock, log)
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(1);
    private volatile ProviderOptions current = seed.Value;

    public ProviderOptions Current => current;

    /// <summary>Creates the profile from configuration on the first start, then loads it.</summary>
    public async Task LoadAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        var profile = await db.Set<ProviderProfile>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == ProviderProfile.SingleId, ct);
        if (profile is null)
        {
            profile = ProviderProfile.From(seed.Value, Clock.GetUtcNow().UtcDateTime);
            db.Add(profile);
            await db.SaveChangesAsync(ct);
        }

        current = profile.ToOptions();
    }

    /// <summary>Saves an administrator's edit and uses it at once on this node.</summary>
    public async Task SaveAsync(VentanillaDbContext db, ProviderOptions updated, CancellationToken ct = default)
    {
        var profile = await db.Set<ProviderProfile>().FirstAsync(p => p.Id == ProviderProfile.SingleId, ct);
        profile.Update(updated, Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        current = profile.ToOptions();
    }

    protected override TimeSpan Interval => RefreshEvery;

    // Start-up loaded it before the server took requests.
    protected override bool PassAtStart => false;

    // A failed re-read keeps the profile we have; the job logs it and tries again.
    protected override Task RunPassAsync(CancellationToken ct) => LoadAsync(ct);
}
