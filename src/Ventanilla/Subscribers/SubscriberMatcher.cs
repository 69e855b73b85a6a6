using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;

namespace Ventanilla.Subscribers;

public static class SubscriberMatcher
{
    /// <summary>The known subscriber behind a report: by contract number, then phone, then email.</summary>
    public static async Task<Subscriber?> FindAsync(VentanillaDbContext db, string? accountNumber, string? phone, string? email, CancellationToken ct)
    {
        if (accountNumber is not null
            && await db.Subscribers.FirstOrDefaultAsync(s => s.AccountNumber == accountNumber, ct) is { } byAccount)
        {
            return byAccount;
        }

        if (phone is not null
            && await db.Subscribers.OrderBy(s => s.Id).FirstOrDefaultAsync(s => s.Phones.Any(p => p.Number == phone), ct) is { } byPhone)
        {
            return byPhone;
        }

        return email is null
            ? null
            : await db.Subscribers.OrderBy(s => s.Id).FirstOrDefaultAsync(s => s.Emails.Any(e => e.Address == email), ct);
    }
}
