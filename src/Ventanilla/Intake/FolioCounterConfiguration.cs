using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ventanilla.Intake;

internal sealed class FolioCounterConfiguration : IEntityTypeConfiguration<FolioCounter>
{
    public void Configure(EntityTypeBuilder<FolioCounter> b)
    {
        b.ToTable("folio_counters");
        b.HasKey(c => c.Year);
        b.Property(c => c.Year).ValueGeneratedNever();
    }
}
