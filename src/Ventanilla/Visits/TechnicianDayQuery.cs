using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;

namespace Ventanilla.Visits;

/// <summary>One visit as a day's list shows it, with what the technician needs to find the home.</summary>
/// <param name="Place">Where the subscriber said the visit goes, as their phone described the location they shared.</param>
public sealed record DayVisit(Visit Visit, string Folio, string Subject, string Description, string? Address, string? Name, string? Phone,
    string? Place = null, double? Latitude = null, double? Longitude = null)
{
    /// <summary>The shared location on a public map, for the technician's phone; null when none was shared.</summary>
    public string? MapLink => Latitude is { } lat && Longitude is { } lon
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}")
        : null;
}

public static class TechnicianDayQuery
{
    /// <summary>A day's visits in time order; of one technician, or of all when none is named.</summary>
    public static async Task<IReadOnlyList<DayVisit>> ForAsync(VentanillaDbContext db, string? technicianId, DateOnly day, CancellationToken ct)
    {
        var visits = db.Visits.AsNoTracking().Where(v => v.Day == day);
        if (technicianId is not null)
        {
            visits = visits.Where(v => v.TechnicianId == technicianId);
        }

        var rows = await visits
            .Join(db.Tickets, v => v.TicketId, t => t.Id, (v, t) => new
            {
                Visit = v, t.Folio, t.Subject, t.Description, t.ServiceAddress,
                Name = t.Subscriber != null ? t.Subscriber.FullName : t.Contact.Name,
                t.Contact.Phone,
                t.VisitPlace,
                t.VisitLatitude,
                t.VisitLongitude,
            })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Visit.StartsAt).ThenBy(r => r.Visit.Id)
            .Select(r => new DayVisit(r.Visit, r.Folio, r.Subject, r.Description, r.ServiceAddress, r.Name, r.Phone,
                r.VisitPlace, r.VisitLatitude, r.VisitLongitude))];
    }
}
