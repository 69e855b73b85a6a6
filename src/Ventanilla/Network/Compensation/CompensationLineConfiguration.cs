using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ventanilla.Data;
using Ventanilla.Network.Outages;
using Ventanilla.Subscribers.Services;
using Ventanilla.Tickets;

namespace Ventanilla.Network.Compensation;

internal sealed class CompensationLineConfiguration : IEntityTypeConfiguration<CompensationLine>
{
    public void Configure(EntityTypeBuilder<CompensationLine> b)
    {
        b.ToTable("compensation_lines");
        b.Property(l => l.Source).HasConversion<WireEnumConverter<CompensationSource>>().HasMaxLength(32);
        b.Property(l => l.State).HasConversion<WireEnumConverter<CompensationState>>().HasMaxLength(32);
        b.Property(l => l.AmountMxn).HasPrecision(12, 2);
        b.Property(l => l.BaseMxn).HasPrecision(12, 2);
        b.Property(l => l.BonusMxn).HasPrecision(12, 2);
        b.Property(l => l.MonthlyPriceMxn).HasPrecision(12, 2);
        b.Property(l => l.UnitName).HasMaxLength(16);
        b.Property(l => l.Explanation).HasMaxLength(CompensationLine.TextLength);
        b.Property(l => l.Reason).HasMaxLength(CompensationLine.TextLength);
        b.Property(l => l.DecidedById).HasMaxLength(100);
        b.Property(l => l.DecidedByName).HasMaxLength(200);
        b.Property(l => l.AppliedReference).HasMaxLength(CompensationLine.ReferenceLength);
        b.Property(l => l.Version).IsConcurrencyToken();
        b.HasOne<Outage>().WithMany().HasForeignKey(l => l.OutageId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Ticket>().WithMany().HasForeignKey(l => l.TicketId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Service>().WithMany().HasForeignKey(l => l.ServiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CompensationPolicy>().WithMany().HasForeignKey(l => l.PolicyId).OnDelete(DeleteBehavior.Restrict);
        // One line per service per outage, and per fault: computing twice (two nodes, a retry) adds nothing.
        b.HasIndex(l => new { l.OutageId, l.ServiceId }).IsUnique();
        b.HasIndex(l => new { l.TicketId, l.ServiceId }).IsUnique();
        b.HasIndex(l => new { l.State, l.ApplyBy });
    }
}

internal sealed class CompensationPolicyConfiguration : IEntityTypeConfiguration<CompensationPolicy>
{
    public void Configure(EntityTypeBuilder<CompensationPolicy> b)
    {
        b.ToTable("compensation_policies");
        b.Ignore(p => p.Terms);
        b.Property(p => p.Rate).HasPrecision(6, 4);
        b.Property(p => p.Base).HasConversion<WireEnumConverter<CompensationBase>>().HasMaxLength(32);
        b.Property(p => p.ThresholdFrom).HasConversion<WireEnumConverter<ThresholdStart>>().HasMaxLength(32);
        b.Property(p => p.MinimumAmountMxn).HasPrecision(12, 2);
        b.Property(p => p.AutoApproveUpToMxn).HasPrecision(12, 2);
        b.Property(p => p.LegalCitation).HasMaxLength(CompensationPolicy.CitationLength);
        b.Property(p => p.CreatedBy).HasMaxLength(200);
        // Two supervisors saving at once both aim at the same next number: one wins, the other retries.
        b.HasIndex(p => p.Number).IsUnique();
    }
}
