using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ventanilla.Staff;

namespace Ventanilla.Routing;

public enum AssignmentMode { None, RoundRobin, LeastLoaded }

/// <summary>Which of the ticket's people an area's automatic assignment fills.</summary>
public enum AssignmentSlot { CustomerServiceOwner, TechnicalLead }

/// <summary>
/// How an area hands its new tickets to its members, and the round-robin counter. The counter is
/// advanced by an update in the intake transaction, so two nodes taking reports at once never give
/// the same turn twice.
/// </summary>
public sealed class AreaRouting
{
    private AreaRouting()
    {
    }

    public AreaRouting(int areaId, AssignmentMode mode, AssignmentSlot slot)
    {
        AreaId = areaId;
        Mode = mode;
        Slot = slot;
    }

    public int AreaId { get; private set; }
    public AssignmentMode Mode { get; private set; }
    public AssignmentSlot Slot { get; private set; }
    public long Turns { get; private set; }

    public void Set(AssignmentMode mode, AssignmentSlot slot)
    {
        Mode = mode;
        Slot = slot;
    }
}

internal sealed class AreaRoutingConfiguration : IEntityTypeConfiguration<AreaRouting>
{
    public void Configure(EntityTypeBuilder<AreaRouting> b)
    {
        b.ToTable("area_routing");
        b.HasKey(r => r.AreaId);
        b.Property(r => r.AreaId).ValueGeneratedNever();
        b.HasOne<Area>().WithOne().HasForeignKey<AreaRouting>(r => r.AreaId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.Mode).HasConversion<Data.WireEnumConverter<AssignmentMode>>().HasMaxLength(32);
        b.Property(r => r.Slot).HasConversion<Data.WireEnumConverter<AssignmentSlot>>().HasMaxLength(32);
    }
}
