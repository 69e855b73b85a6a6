using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Ventanilla.Portal;

/// <summary>
/// Tries on one folio, whoever makes them: spreading guesses over many addresses still meets this
/// limit, which the per-address limit of the portal's forms cannot see.
/// </summary>
public sealed class FolioLimiter(IOptions<PortalOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(folio =>
        RateLimitPartition.GetFixedWindowLimiter(folio, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.RateLimits.PerFolioPermits,
            Window = TimeSpan.FromSeconds(options.Value.RateLimits.WindowSeconds),
            QueueLimit = 0,
        }));

    /// <summary>True when one more try on this folio is allowed now.</summary>
    public bool TryTake(string folio)
    {
        // One folio written two ways (lower case, an extra leading zero) is still one folio with one limit.
        var key = Tickets.Folio.TryParse(folio, out var parsed) ? parsed.Value.ToString() : folio.Trim().ToUpperInvariant();
        using var lease = limiter.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
