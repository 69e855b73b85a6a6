using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ventanilla.Tickets;

namespace Ventanilla.Channels.Portal;

/// <summary>
/// A one-time code sent to the phone or email on a ticket, so its subscriber can open it on the
/// portal without remembering which one they gave. Only a salted hash is kept; a code works once,
/// for a few minutes, and is spent after a few wrong tries.
/// </summary>
public sealed class AccessCode
{
    public const int Digits = 6;

    private AccessCode()
    {
    }

    public long Id { get; private set; }
    public long TicketId { get; private set; }
    public string Salt { get; private set; } = "";
    public string Hash { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public int FailedAttempts { get; private set; }
    public DateTime? UsedAt { get; private set; }

    /// <summary>A new code for the ticket and the plain digits to send; only the hash is stored.</summary>
    public static (AccessCode Code, string Plain) Issue(long ticketId, DateTime now, TimeSpan lifetime)
    {
        var plain = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var salt = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var code = new AccessCode
        {
            TicketId = ticketId,
            Salt = salt,
            Hash = HashOf(salt, ticketId, plain),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
        return (code, plain);
    }

    public bool IsUsable(DateTime now, int maxAttempts) => UsedAt is null && now < ExpiresAt && FailedAttempts < maxAttempts;

    /// <summary>Spends the code when the digits match, or counts one more wrong try.</summary>
    public bool TryUse(string digits, DateTime now, int maxAttempts)
    {
        if (!IsUsable(now, maxAttempts))
        {
            return false;
        }

        var given = Encoding.ASCII.GetBytes(HashOf(Salt, TicketId, digits));
        if (CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(Hash)))
        {
            UsedAt = now;
            return true;
        }

        FailedAttempts++;
        return false;
    }

    /// <summary>Whether the text someone typed has the shape of a code rather than a phone or email.</summary>
    public static bool LooksLikeCode(string text) => text.Length == Digits && text.All(char.IsAsciiDigit);

    private static string HashOf(string salt, long ticketId, string digits) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{salt}:{ticketId}:{digits}")));
}

internal sealed class AccessCodeConfiguration : IEntityTypeConfiguration<AccessCode>
{
    public void Configure(EntityTypeBuilder<AccessCode> b)
    {
        b.ToTable("portal_access_codes");
        b.Property(c => c.Salt).HasMaxLength(32);
        b.Property(c => c.Hash).HasMaxLength(64);
        b.HasOne<Ticket>().WithMany().HasForeignKey(c => c.TicketId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => new { c.TicketId, c.CreatedAt });
    }
}
