using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ventanilla.Web.Idempotency;

/// <summary>
/// One <c>Idempotency-Key</c> a caller sent: which request it named, and, once that request was
/// answered, the answer to replay. While <see cref="StatusCode"/> is null the request is still
/// running on some node, which holds it until <see cref="LockedUntil"/>.
/// </summary>
public sealed class IdempotencyRecord
{
    public const int KeyLength = 255;
    public const int CallerLength = 100;

    private IdempotencyRecord()
    {
    }

    /// <summary>Who sent the key (<c>api-key:12</c> or <c>staff:&lt;id&gt;</c>): keys of different callers never meet.</summary>
    public string Caller { get; private set; } = "";

    public string Key { get; private set; } = "";

    /// <summary>SHA-256 (hex) of the method, path and body the key was first sent with.</summary>
    public string RequestHash { get; private set; } = "";

    /// <summary>Which run holds the key while the request runs; a run that lost it to a retry must not store its answer.</summary>
    public string Claim { get; private set; } = "";

    public DateTime LockedUntil { get; private set; }

    public int? StatusCode { get; private set; }

    public string? ContentType { get; private set; }

    public string? Location { get; private set; }

    public byte[]? Body { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public bool IsAnswered => StatusCode is not null;

    public static IdempotencyRecord Start(string caller, string key, string requestHash, string claim, DateTime now, TimeSpan lease, TimeSpan lifetime) =>
        new()
        {
            Caller = caller,
            Key = key,
            RequestHash = requestHash,
            Claim = claim,
            LockedUntil = now + lease,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("idempotency_keys");
        b.HasKey(r => new { r.Caller, r.Key });
        b.Property(r => r.Caller).HasMaxLength(IdempotencyRecord.CallerLength);
        b.Property(r => r.Key).HasMaxLength(IdempotencyRecord.KeyLength);
        b.Property(r => r.RequestHash).HasMaxLength(64);
        b.Property(r => r.Claim).HasMaxLength(32);
        b.Property(r => r.ContentType).HasMaxLength(255);
        b.Property(r => r.Location).HasMaxLength(2048);
        b.Ignore(r => r.IsAnswered);
        // The sweep deletes by expiry.
        b.HasIndex(r => r.ExpiresAt);
    }
}
