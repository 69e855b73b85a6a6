using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ventanilla.Data;
using Ventanilla.Messaging;
using Ventanilla.Subscribers.Services;
using Ventanilla.Tickets;

namespace Ventanilla.Network.Outages;

/// <summary>
/// One notice about an outage to one affected service's subscriber, on their own channel. The
/// message itself is an outbox row, whose state says whether it was delivered; this row says which
/// outage, event and service it was for, and its uniqueness keeps a round from telling anyone twice.
/// </summary>
public sealed class OutageNotice
{
    private OutageNotice()
    {
    }

    public OutageNotice(long outageId, OutageNoticeEvent @event, int round, long serviceId, long? subscriberId, ContactChannel channel,
        long? outboxMessageId, DateTime now)
    {
        OutageId = outageId;
        Event = @event;
        Round = round;
        ServiceId = serviceId;
        SubscriberId = subscriberId;
        Channel = channel;
        OutboxMessageId = outboxMessageId;
        CreatedAt = now;
    }

    public long Id { get; private set; }
    public long OutageId { get; private set; }
    public OutageNoticeEvent Event { get; private set; }

    /// <summary>Which round of that event (the second change of estimate is round 2).</summary>
    public int Round { get; private set; }
    public long ServiceId { get; private set; }
    public long? SubscriberId { get; private set; }
    public ContactChannel Channel { get; private set; }

    /// <summary>The message queued; null when the subscriber has no channel to be told on (counted, not sent).</summary>
    public long? OutboxMessageId { get; private set; }
    public DateTime CreatedAt { get; private set; }
}

public enum OutageNoticeEvent { PlannedAhead, Declared, EstimateChanged, Restored, AskConfirmation }

internal sealed class OutageNoticeConfiguration : IEntityTypeConfiguration<OutageNotice>
{
    public void Configure(EntityTypeBuilder<OutageNotice> b)
    {
        b.ToTable("outage_notices");
        b.Property(n => n.Event).HasConversion<WireEnumConverter<OutageNoticeEvent>>().HasMaxLength(32);
        // A round tells each service once, however many nodes or retries queue it.
        b.HasIndex(n => new { n.OutageId, n.Event, n.Round, n.ServiceId }).IsUnique();
        b.HasOne<Outage>().WithMany().HasForeignKey(n => n.OutageId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Service>().WithMany().HasForeignKey(n => n.ServiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<OutboxMessage>().WithMany().HasForeignKey(n => n.OutboxMessageId).OnDelete(DeleteBehavior.Restrict);
    }
}
