using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ventanilla.Data;
using Ventanilla.Staff;
using Ventanilla.Tickets;

namespace Ventanilla.Visits;

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> b)
    {
        b.ToTable("visits");
        b.Property(v => v.Window).HasConversion<WireEnumConverter<VisitWindowKind>>().HasMaxLength(32);
        b.Property(v => v.Status).HasConversion<WireEnumConverter<VisitStatus>>().HasMaxLength(32);
        b.Property(v => v.Result).HasMaxLength(Visit.TextLength);
        b.Property(v => v.Notes).HasMaxLength(Visit.TextLength);
        b.Property(v => v.MissedReason).HasMaxLength(Visit.TextLength);
        b.Property(v => v.ScheduledById).HasMaxLength(100);
        b.Property(v => v.Version).IsConcurrencyToken();
        b.HasOne<Ticket>().WithMany().HasForeignKey(v => v.TicketId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffUser>().WithMany().HasForeignKey(v => v.TechnicianId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Visit>().WithMany().HasForeignKey(v => v.RescheduledFromId).OnDelete(DeleteBehavior.Restrict);
        // A technician's day, and the overlap check that guards it, read one index range.
        b.HasIndex(v => new { v.TechnicianId, v.Day, v.StartsAt });
        b.HasIndex(v => v.TicketId);
    }
}

/// <summary>
/// One row per technician and day, bumped at the start of every booking for that day. Both
/// databases let only one transaction hold the row at a time, so the overlap check that follows
/// cannot miss a booking another request is making for the same technician and day.
/// </summary>
public sealed class TechnicianDay
{
    private TechnicianDay()
    {
    }

    public string TechnicianId { get; private set; } = "";
    public DateOnly Day { get; private set; }
    public int Bookings { get; private set; }
}

internal sealed class TechnicianDayConfiguration : IEntityTypeConfiguration<TechnicianDay>
{
    public void Configure(EntityTypeBuilder<TechnicianDay> b)
    {
        b.ToTable("technician_days");
        b.HasKey(d => new { d.TechnicianId, d.Day });
        b.Property(d => d.TechnicianId).HasMaxLength(450);
        b.HasOne<StaffUser>().WithMany().HasForeignKey(d => d.TechnicianId).OnDelete(DeleteBehavior.Restrict);
    }
}
