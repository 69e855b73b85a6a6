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
        b.Property(l => l.Version).IsConcurrencyToken();
        b.HasOne<Outage>().WithMany().HasForeignKey(l => l.OutageId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Ticket>().WithMany().HasForeignKey(l => l.TicketId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Service>().WithMany().HasForeignKey(l => l.ServiceId).OnDelete(DeleteBehavior.Restrict);
        // One line per service per outage, and per fault: computing twice (two nodes, a retry) adds nothing.
        b.HasIndex(l => new { l.OutageId, l.ServiceId }).IsUnique();
        b.HasIndex(l => new { l.TicketId, l.ServiceId }).IsUnique();
        b.HasIndex(l => new { l.State, l.ApplyBy });
    }
}
