using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ventanilla.Data;
using Ventanilla.Subscribers;
using Ventanilla.Tickets;

namespace Ventanilla.Channels.Portal;

/// <summary>
/// Failed proofs counted cluster-wide, per folio and per proof value: knowing one phone and trying
/// it against folio after folio, from as many addresses as one likes, stops after a few failures
/// with that phone, and so does trying many phones against one folio.
/// </summary>
public sealed class ProofThrottle(VentanillaDbContext db, IOptions<PortalOptions> options, TimeProvider clock)
{
    /// <summary>What one try is counted against: its folio, and the phone or email tried when there is one.</summary>
    public static IReadOnlyList<string> KeysOf(string? folioText, string? proofText)
    {
        var keys = new List<string> { Hash($"folio:{Folio.KeyOf(folioText)}") };
        var proof = proofText?.Trim() ?? "";
        if (MexicanPhones.Normalize(proof) is { } phone)
        {
            keys.Add(Hash($"tel:{phone}"));
        }
        else if (EmailAddresses.Normalize(proof) is { } email)
        {
            keys.Add(Hash($"mail:{email.ToLowerInvariant()}"));
        }

        return keys;
    }

    /// <summary>False when the folio or the proof value already failed too often within the window.</summary>
    public async Task<bool> AllowsAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        var limits = options.Value.RateLimits;
        var since = Now - TimeSpan.FromSeconds(limits.FailureWindowSeconds);
        var counts = await db.PortalProofFailures.Where(f => keys.Contains(f.Key) && f.At > since)
            .GroupBy(f => f.Key).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var folioFailures = counts.Where(c => c.Key == keys[0]).Sum(c => c.Count);
        var valueFailures = counts.Where(c => c.Key != keys[0]).Select(c => c.Count).DefaultIfEmpty(0).Max();
        return folioFailures < limits.PerFolioFailures && valueFailures < limits.PerProofFailures;
    }

    /// <summary>Counts one failure against every key, and forgets the failures the window has passed.</summary>
    public async Task RecordFailureAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        var now = Now;
        var since = now - TimeSpan.FromSeconds(options.Value.RateLimits.FailureWindowSeconds);
        await db.PortalProofFailures.Where(f => f.At <= since).ExecuteDeleteAsync(ct);
        db.PortalProofFailures.AddRange(keys.Select(k => ProofFailure.Of(k, now)));
        await db.SaveChangesAsync(ct);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
