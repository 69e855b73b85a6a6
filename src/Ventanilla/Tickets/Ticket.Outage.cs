using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ventanilla.Network.Outages;
using Ventanilla.Subscribers.Services;

namespace Ventanilla.Tickets;

/// <summary>A report's place in the network: its service, and the outage it belongs to.</summary>
public sealed partial class Ticket
{
    /// <summary>Says which contracted service the report is about; null when it is not known.</summary>
    public void PointAtService(long? serviceId, string? serviceCode, Actor actor, DateTime now)
    {
        if (ServiceId == serviceId)
        {
            return;
        }

        ServiceId = serviceId;
        Touch(new TimelineEntry(TimelineEntryType.ServiceChanged, actor, now, null, field: "service", to: serviceCode), now);
    }

    /// <summary>
    /// Makes the report a child of an outage. It keeps its own folio, receipt and clocks: the
    /// subscriber's right to proof does not change because many others reported the same failure.
    /// </summary>
    public void LinkToOutage(Outage outage, Actor actor, DateTime now)
    {
        if (OutageId == outage.Id)
        {
            return;
        }

        var from = OutageId;
        OutageId = outage.Id;
        Touch(new TimelineEntry(TimelineEntryType.OutageLinked, actor, now, outage.Title, field: "outage",
            from: from?.ToString(System.Globalization.CultureInfo.InvariantCulture), to: outage.Code), now);
    }

    /// <summary>Splits the report off its outage (it still fails after the restoration, or it was linked by mistake).</summary>
    public void UnlinkFromOutage(string reason, Actor actor, DateTime now)
    {
        if (OutageId is not { } id)
        {
            return;
        }

        OutageId = null;
        Touch(new TimelineEntry(TimelineEntryType.OutageUnlinked, actor, now, reason, field: "outage",
            from: id.ToString(System.Globalization.CultureInfo.InvariantCulture)), now);
    }
}

internal sealed class TicketOutageConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> b)
    {
        b.HasOne<Service>().WithMany().HasForeignKey(t => t.ServiceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Outage>().WithMany().HasForeignKey(t => t.OutageId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(t => t.ServiceId);
        b.HasIndex(t => t.OutageId);
    }
}
