using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ventanilla.Tickets;

namespace Ventanilla.Supervision;

public enum NoticeKind { AtRisk, Overdue }

/// <summary>
/// That supervisors were told a ticket's resolution clock turned at risk or overdue. One row per
/// ticket and kind, unique, so a notice goes out once however many nodes run the job.
/// </summary>
public sealed class DeadlineNotice
{
    private DeadlineNotice()
    {
    }

    public DeadlineNotice(long ticketId, NoticeKind kind, DateTime dueAt, string text, DateTime now)
    {
        TicketId = ticketId;
        Kind = kind;
        DueAt = dueAt;
        Text = text;
        SentAt = now;
    }

    public long Id { get; private set; }
    public long TicketId { get; private set; }
    public NoticeKind Kind { get; private set; }

    /// <summary>The due time the notice was about.</summary>
    public DateTime DueAt { get; private set; }
    public string Text { get; private set; } = "";
    public DateTime SentAt { get; private set; }
}

internal sealed class DeadlineNoticeConfiguration : IEntityTypeConfiguration<DeadlineNotice>
{
    public void Configure(EntityTypeBuilder<DeadlineNotice> b)
    {
        b.ToTable("deadline_notices");
        b.Property(n => n.Kind).HasConversion<Data.WireEnumConverter<NoticeKind>>().HasMaxLength(32);
        b.Property(n => n.Text).HasMaxLength(1000);
        b.HasOne<Ticket>().WithMany().HasForeignKey(n => n.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(n => new { n.TicketId, n.Kind }).IsUnique();
        b.HasIndex(n => n.SentAt);
    }
}
