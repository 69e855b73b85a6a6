using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ventanilla.Tickets;

namespace Ventanilla.Messaging;

internal sealed class InboundMessageConfiguration : IEntityTypeConfiguration<InboundMessage>
{
    public void Configure(EntityTypeBuilder<InboundMessage> b)
    {
        b.ToTable("inbound_messages");
        b.Property(m => m.Mailbox).HasMaxLength(254);
        b.Property(m => m.ExternalId).HasMaxLength(998);
        b.Property(m => m.ConversationKey).HasMaxLength(InboundMessage.ConversationKeyLimit);
        b.Property(m => m.Error).HasMaxLength(InboundMessage.ErrorLimit);
        b.HasOne<Ticket>().WithMany().HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Restrict);
        // The idempotency key: a message fetched twice (a crash before it was marked seen) is stored once.
        b.HasIndex(m => new { m.Mailbox, m.UidValidity, m.Uid }).IsUnique();
        // Replies find their ticket through the Message-IDs they answer.
        b.HasIndex(m => m.ExternalId);
        // A WhatsApp message (or status) posted twice, or to two nodes, is stored once. Not for mail:
        // the same Message-ID may reach a mailbox as two messages, and each is kept as it came.
        b.HasIndex(m => new { m.Channel, m.Mailbox, m.ExternalId }).IsUnique().HasFilter("channel = 'whatsapp'")
            .HasDatabaseName("ix_inbound_messages_whatsapp_external_id");
        // A conversation's earlier messages are looked up before a later one is claimed.
        b.HasIndex(m => new { m.ConversationKey, m.Id });
        // The processor takes the oldest pending message.
        b.HasIndex(m => new { m.State, m.Id });
    }
}
