using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ventanilla.Tickets;

namespace Ventanilla.Attachments;

internal sealed class TicketAttachmentConfiguration : IEntityTypeConfiguration<TicketAttachment>
{
    public void Configure(EntityTypeBuilder<TicketAttachment> b)
    {
        b.ToTable("ticket_attachments");
        b.Property(a => a.FileName).HasMaxLength(TicketAttachment.FileNameLimit);
        b.Property(a => a.ContentType).HasMaxLength(255);
        b.Property(a => a.Sha256).HasMaxLength(64);
        b.Property(a => a.ContentId).HasMaxLength(998);
        b.Property(a => a.RejectionReason).HasMaxLength(1000);
        b.HasOne<Ticket>().WithMany().HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(a => a.TicketId);
    }
}
