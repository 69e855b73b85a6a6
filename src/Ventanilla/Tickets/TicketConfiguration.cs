using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ventanilla.Intake;
using Ventanilla.Staff;

namespace Ventanilla.Tickets;

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> b)
    {
        b.ToTable("tickets");
        b.Property(t => t.Id).ValueGeneratedNever();
        b.Property(t => t.Folio).HasMaxLength(32);
        b.HasIndex(t => t.Folio).IsUnique();
        b.Property(t => t.Subject).HasMaxLength(200);
        b.Property(t => t.Description).HasMaxLength(TicketLimits.Description);
        b.Property(t => t.ServiceAddress).HasMaxLength(500);
        b.Property(t => t.CancellationReason).HasMaxLength(1000);
        b.Property(t => t.DuplicateOfFolio).HasMaxLength(32);
        b.Property(t => t.RatingComment).HasMaxLength(Ticket.RatingCommentLimit);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.Property(t => t.SourceKey).HasMaxLength(SourceKeys.MaxLength);
        // The idempotency of every channel: a source files at most one ticket, whichever node files it.
        b.HasIndex(t => t.SourceKey).IsUnique();

        b.OwnsOne(t => t.Contact, c =>
        {
            c.Property(x => x.Name).HasMaxLength(200);
            c.Property(x => x.Phone).HasMaxLength(20);
            c.Property(x => x.Email).HasMaxLength(254);
            c.Property(x => x.AccountNumber).HasMaxLength(40);
        });
        b.Navigation(t => t.Contact).IsRequired();
        b.OwnsOne(t => t.Resolution, r =>
        {
            r.Property(x => x.Cause).HasMaxLength(TicketLimits.ResolutionText);
            r.Property(x => x.Correction).HasMaxLength(TicketLimits.ResolutionText);
            r.Property(x => x.ResolvedById).HasMaxLength(100);
            r.Property(x => x.ResolvedByName).HasMaxLength(200);
        });

        b.HasOne(t => t.Subscriber).WithMany().HasForeignKey(t => t.SubscriberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(t => t.Area).WithMany().HasForeignKey(t => t.AreaId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffUser>().WithMany().HasForeignKey(t => t.CustomerServiceOwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StaffUser>().WithMany().HasForeignKey(t => t.TechnicalLeadId).OnDelete(DeleteBehavior.Restrict);

        b.HasMany(t => t.Timeline).WithOne().HasForeignKey(e => e.TicketId).OnDelete(DeleteBehavior.Restrict);
        b.Navigation(t => t.Timeline).UsePropertyAccessMode(PropertyAccessMode.Field);

        // Each inbox filter can walk its own slice newest first, whatever the others select.
        b.HasIndex(t => new { t.Status, t.LastActivityAt });
        b.HasIndex(t => new { t.Kind, t.LastActivityAt });
        b.HasIndex(t => new { t.Channel, t.LastActivityAt });
        b.HasIndex(t => new { t.AreaId, t.LastActivityAt });
        // The due-soon and overdue queues both bound the due time.
        b.HasIndex(t => t.DueAt);
        // Supervisor notices find clocks that just turned at risk; supervision counts reports per day.
        b.HasIndex(t => t.AtRiskAt);
        b.HasIndex(t => t.ReportedAt);
        // The inbox pages by last activity, newest first, with the id to break ties.
        b.HasIndex(t => new { t.LastActivityAt, t.Id });
    }
}

internal sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    public void Configure(EntityTypeBuilder<TimelineEntry> b)
    {
        b.ToTable("timeline_entries");
        b.Property(e => e.ActorId).HasMaxLength(100);
        b.Property(e => e.ActorName).HasMaxLength(200);
        b.Property(e => e.Field).HasMaxLength(64);
        b.Property(e => e.From).HasMaxLength(200);
        b.Property(e => e.To).HasMaxLength(200);
        b.Property(e => e.Quoted).HasMaxLength(TimelineEntry.QuotedLimit);
        b.Property(e => e.PortalText).HasMaxLength(TimelineEntry.PortalTextLimit);
        b.HasIndex(e => new { e.TicketId, e.Id });
    }
}

public static class TicketLimits
{
    public const int Description = 20_000;
    public const int Subject = 200;
    public const int Note = 20_000;
    public const int ResolutionText = 4_000;
}
