using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ventanilla.Network;

internal sealed class NetworkNodeConfiguration : IEntityTypeConfiguration<NetworkNode>
{
    public void Configure(EntityTypeBuilder<NetworkNode> b)
    {
        b.ToTable("network_nodes");
        b.Property(n => n.Code).HasMaxLength(NetworkNode.CodeLength);
        b.HasIndex(n => n.Code).IsUnique();
        b.Property(n => n.Name).HasMaxLength(NetworkNode.NameLength);
        b.Property(n => n.Kind).HasMaxLength(60);
        b.Property(n => n.Path).HasMaxLength(1000);
        // "Under this node" is a prefix of the path: an ordinary index serves it on both databases.
        b.HasIndex(n => n.Path);
        b.Property(n => n.PostalCodes).HasMaxLength(NetworkNode.AreaListLength);
        b.Property(n => n.Neighborhoods).HasMaxLength(NetworkNode.AreaListLength);
        b.Property(n => n.Version).IsConcurrencyToken();
        b.HasOne<NetworkNode>().WithMany().HasForeignKey(n => n.ParentId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(n => n.ParentId);
    }
}
