using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ventanilla.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_entries");
        b.Property(e => e.ActorId).HasMaxLength(200);
        b.Property(e => e.ActorName).HasMaxLength(200);
        b.Property(e => e.Action).HasMaxLength(AuditEntry.ActionLength);
        b.Property(e => e.Subject).HasMaxLength(AuditEntry.SubjectLength);
        b.Property(e => e.SubjectKey).HasMaxLength(AuditEntry.KeyLength);
        b.Property(e => e.Summary).HasMaxLength(1000);
        // Browsing reads newest first, by subject, and "as of" reads one subject's changes up to a date.
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.Subject, e.SubjectKey, e.At });
    }
}
