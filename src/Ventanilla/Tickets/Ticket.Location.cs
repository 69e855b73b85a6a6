using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Ventanilla.Tickets;

/// <summary>Where a visit should go, as the subscriber shared it (a WhatsApp location, for now).</summary>
public sealed partial class Ticket
{
    public const int VisitPlaceLimit = 500;

    public void SetVisitLocation(double? latitude, double? longitude, string? place, Actor actor, DateTime now)
    {
        var before = VisitText();
        VisitLatitude = latitude;
        VisitLongitude = longitude;
        VisitPlace = place is { Length: > VisitPlaceLimit } ? place[..VisitPlaceLimit] : place;
        Touch(new TimelineEntry(TimelineEntryType.FieldChanged, actor, now, null, field: "visitLocation", from: before, to: VisitText()), now);
    }

    private string? VisitText() => VisitLatitude is { } lat && VisitLongitude is { } lon
        ? string.Create(CultureInfo.InvariantCulture, $"{lat:0.######}, {lon:0.######}")
        : VisitPlace is { Length: > 200 } ? VisitPlace[..200] : VisitPlace;
}

internal sealed class TicketLocationConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> b) => b.Property(t => t.VisitPlace).HasMaxLength(Ticket.VisitPlaceLimit);
}
