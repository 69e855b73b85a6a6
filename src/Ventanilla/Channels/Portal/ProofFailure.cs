using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ventanilla.Channels.Portal;

/// <summary>
/// One failed try to open a folio, counted against the folio and against the phone or email that
/// was tried, in the database so every node sees the same count. The key is a hash: the table is
/// not a list of the phones and emails strangers typed.
/// </summary>
public sealed class ProofFailure
{
    private ProofFailure()
    {
    }

    public long Id { get; private set; }

    /// <summary>SHA-256 (hex) of what the try is counted against, e.g. <c>folio:NM-2026-000123</c> or <c>tel:+524924781000</c>.</summary>
    public string Key { get; private set; } = "";

    public DateTime At { get; private set; }

    public static ProofFailure Of(string key, DateTime at) => new() { Key = key, At = at };
}

internal sealed class ProofFailureConfiguration : IEntityTypeConfiguration<ProofFailure>
{
    public void Configure(EntityTypeBuilder<ProofFailure> b)
    {
        b.ToTable("portal_proof_failures");
        b.Property(f => f.Key).HasMaxLength(64);
        // Each check counts one key's recent failures; each failure prunes what the window left behind.
        b.HasIndex(f => new { f.Key, f.At });
        b.HasIndex(f => f.At);
    }
}
