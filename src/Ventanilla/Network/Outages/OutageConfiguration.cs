using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ventanilla.Data;

namespace Ventanilla.Network.Outages;

internal sealed class OutageConfiguration : IEntityTypeConfiguration<Outage>
{
    public void Configure(EntityTypeBuilder<Outage> b)
    {
        b.ToTable("outages");
        b.Ignore(o => o.Code);
        b.Ignore(o => o.IsActive);
        b.Property(o => o.Kind).HasConversion<WireEnumConverter<OutageKind>>().HasMaxLength(32);
        b.Property(o => o.Status).HasConversion<WireEnumConverter<OutageStatus>>().HasMaxLength(32);
        b.Property(o => o.Source).HasConversion<WireEnumConverter<OutageSource>>().HasMaxLength(32);
        b.Property(o => o.Title).HasMaxLength(Outage.TitleLength);
        b.Property(o => o.Cause).HasMaxLength(Outage.TextLength);
        b.Property(o => o.AttributionEvidence).HasMaxLength(Outage.TextLength);
        b.Property(o => o.ExternalKey).HasMaxLength(300);
        // An alert delivered twice, or a cluster seen by two nodes, opens one outage.
        b.HasIndex(o => o.ExternalKey).IsUnique();
        b.HasIndex(o => o.Status);
        b.Property(o => o.Version).IsConcurrencyToken();

        b.HasMany(o => o.Nodes).WithOne().HasForeignKey(n => n.OutageId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(o => o.Nodes).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(o => o.Timeline).WithOne().HasForeignKey(e => e.OutageId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(o => o.Timeline).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class OutageNodeConfiguration : IEntityTypeConfiguration<OutageNode>
{
    public void Configure(EntityTypeBuilder<OutageNode> b)
    {
        b.ToTable("outage_nodes");
        b.HasKey(n => new { n.OutageId, n.NodeId });
        b.Property(n => n.NodePath).HasMaxLength(1000);
        b.HasOne<NetworkNode>().WithMany().HasForeignKey(n => n.NodeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(n => n.NodeId);
    }
}

internal sealed class OutageEntryConfiguration : IEntityTypeConfiguration<OutageEntry>
{
    public void Configure(EntityTypeBuilder<OutageEntry> b)
    {
        b.ToTable("outage_entries");
        b.Property(e => e.Type).HasConversion<WireEnumConverter<OutageEntryType>>().HasMaxLength(32);
        b.Property(e => e.ActorId).HasMaxLength(100);
        b.Property(e => e.ActorName).HasMaxLength(200);
        b.Property(e => e.Body).HasMaxLength(Outage.TextLength);
        b.Property(e => e.From).HasMaxLength(200);
        b.Property(e => e.To).HasMaxLength(200);
        b.HasIndex(e => new { e.OutageId, e.At });
    }
}
