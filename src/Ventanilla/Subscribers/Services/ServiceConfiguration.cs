using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ventanilla.Network;

namespace Ventanilla.Subscribers.Services;

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> b)
    {
        b.ToTable("services");
        b.Property(s => s.Code).HasMaxLength(Service.CodeLength);
        b.HasIndex(s => s.Code).IsUnique();
        b.Property(s => s.AccountNumber).HasMaxLength(40);
        b.HasIndex(s => s.AccountNumber);
        b.Property(s => s.PlanName).HasMaxLength(100);
        b.Property(s => s.MonthlyPriceMxn).HasPrecision(10, 2);
        b.Property(s => s.Street).HasMaxLength(300);
        b.Property(s => s.Neighborhood).HasMaxLength(150);
        b.Property(s => s.PostalCode).HasMaxLength(10);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasOne<Subscriber>().WithMany().HasForeignKey(s => s.SubscriberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<NetworkNode>().WithMany().HasForeignKey(s => s.NodeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => s.SubscriberId);
        // Who hangs from the affected nodes and is active: the question every outage asks first.
        b.HasIndex(s => new { s.NodeId, s.State });
    }
}
