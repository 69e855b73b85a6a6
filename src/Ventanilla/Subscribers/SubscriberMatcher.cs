using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;

namespace Ventanilla.Subscribers;

/// <summary>The known subscriber behind a report, and whether we can answer them.</summary>
public sealed record SubscriberMatch(long Id, bool Reachable);

public static class SubscriberMatcher
{
    /// <summary>Matches by contract number, then phone, then email, in one query.</summary>
    public static async Task<SubscriberMatch?> FindAsync(VentanillaDbContext db, string? accountNumber, string? phone, string? email, CancellationToken ct)
    {
        if (accountNumber is null && phone is null && email is null)
        {
            return null;
        }

        var candidates = await db.Subscribers.AsNoTracking()
            .Where(s => (accountNumber != null && s.AccountNumber == accountNumber)
                || (phone != null && s.Phones.Any(p => p.Number == phone))
                || (email != null && s.Emails.Any(e => e.Address == email)))
            .OrderBy(s => s.Id)
            .Select(s => new
            {
                s.Id,
                s.MergedIntoId,
                ByAccount = accountNumber != null && s.AccountNumber == accountNumber,
                ByPhone = phone != null && s.Phones.Any(p => p.Number == phone),
                Reachable = s.Phones.Any() || s.Emails.Any(),
            })
            .Take(20)
            .ToListAsync(ct);
        var best = candidates.OrderByDescending(c => c.ByAccount).ThenByDescending(c => c.ByPhone).ThenBy(c => c.Id).FirstOrDefault();
        if (best?.MergedIntoId is { } survivor)
        {
            // A merged record keeps its old contract number; the report belongs to the record that stayed.
            var reachable = await db.Subscribers.AsNoTracking().Where(s => s.Id == survivor)
                .Select(s => s.Phones.Any() || s.Emails.Any()).FirstOrDefaultAsync(ct);
            return new SubscriberMatch(survivor, reachable);
        }

        return best is null ? null : new SubscriberMatch(best.Id, best.Reachable);
    }
}
