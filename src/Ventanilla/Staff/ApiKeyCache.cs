using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Ventanilla.Data;

namespace Ventanilla.Staff;

/// <summary>
/// Valid keys as the authentication handler needs them. Every API call presents its key, so known
/// keys are remembered for half a minute: a key revoked on this node stops at once, and other nodes
/// of a cluster stop accepting it within that time.
/// </summary>
public sealed class ApiKeyCache(IMemoryCache cache)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public async Task<KnownKey?> FindAsync(VentanillaDbContext db, string hash, CancellationToken ct)
    {
        if (cache.TryGetValue(hash, out KnownKey? known))
        {
            return known;
        }

        known = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash && k.RevokedAt == null)
            .Select(k => new KnownKey(k.Id, k.Name, k.Role))
            .FirstOrDefaultAsync(ct);
        if (known is not null)
        {
            cache.Set(hash, known, Lifetime);
        }

        return known;
    }

    /// <summary>Drops a key this node may remember, so its revocation takes effect here at once.</summary>
    public void Forget(string hash) => cache.Remove(hash);
}

public sealed record KnownKey(int Id, string Name, string Role);
