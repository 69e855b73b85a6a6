using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Ventanilla.Channels.Portal;

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
        using var lease = limiter.AttemptAcquire(Tickets.Folio.KeyOf(folio));
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
