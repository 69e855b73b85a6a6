using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ventanilla.Data;

namespace Ventanilla.Network.Import;

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> b)
    {
        b.ToTable("network_imports");
        b.Property(r => r.Kind).HasConversion<WireEnumConverter<ImportKind>>().HasMaxLength(32);
        b.Property(r => r.State).HasConversion<WireEnumConverter<ImportState>>().HasMaxLength(32);
        b.Property(r => r.ContractColumn).HasConversion<WireEnumConverter<ContractColumn>>().HasMaxLength(32);
        b.Property(r => r.FileName).HasMaxLength(ImportRun.FileNameLength);
        b.Property(r => r.FileSha256).HasMaxLength(64);
        b.Property(r => r.RequestedById).HasMaxLength(100);
        b.Property(r => r.RequestedByName).HasMaxLength(200);
        b.Property(r => r.Failure).HasMaxLength(2000);
        b.Ignore(r => r.IsOver);
        // The job looks for queued runs, and for running ones whose lease ran out.
        b.HasIndex(r => new { r.State, r.LeaseUntil });
    }
}
