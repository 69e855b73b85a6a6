using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ventanilla.Tickets;

namespace Ventanilla.Messaging;

internal sealed class OutboxConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("outbox_messages");
        b.Property(m => m.Recipient).HasMaxLength(254);
        b.Property(m => m.Subject).HasMaxLength(300);
        b.Property(m => m.LastError).HasMaxLength(OutboxMessage.ErrorLimit);
        b.Property(m => m.MessageId).HasMaxLength(998);
        b.Property(m => m.InReplyTo).HasMaxLength(998);
        b.Property(m => m.MessageToken).HasMaxLength(32);
        b.Property(m => m.Event).HasMaxLength(60);
        b.Property(m => m.TemplateParameters).HasMaxLength(4000);
        b.HasOne<Ticket>().WithMany().HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Restrict);
        // The senders look for what is due on their channel.
        b.HasIndex(m => new { m.State, m.Channel, m.NextAttemptAt });
        // Answers to our mail are matched to their ticket by the Message-ID we sent.
        b.HasIndex(m => m.MessageId);
        // The daily cap on acknowledgements counts what one address was sent lately, on every acknowledgement.
        b.HasIndex(m => new { m.Channel, m.Recipient, m.SentAt });
    }
}
