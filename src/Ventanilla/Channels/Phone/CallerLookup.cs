using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Subscribers;
using Ventanilla.Web;

namespace Ventanilla.Channels.Phone;

/// <summary>What the agent sees of a caller: who they are and their open and recent folios.</summary>
public sealed record CallerCard(
    long Id, string Name, string? AccountNumber, IReadOnlyList<string> Phones, IReadOnlyList<string> Emails,
    string? Address, IReadOnlyList<CallerTicket> Tickets, IReadOnlyList<Network.Outages.OutageInZone>? Outages = null);

public sealed record CallerTicket(string Folio, Tickets.TicketKind Kind, Tickets.TicketStatus Status, string Subject, DateTime ReportedAt);


public static class CallerLookup
{
    /// <summary>Subscribers whose contract, phone, email or name matches what the agent has typed so far.</summary>
    public static Task<IReadOnlyList<CallerCard>> FindAsync(VentanillaDbContext db, string typed, int take, CancellationToken ct) =>
        FindAsync(db, typed, take, null, ct);

    /// <param name="now">When given, each card carries the active outages hitting the subscriber's services, for the desk's banner.</param>
    public static async Task<IReadOnlyList<CallerCard>> FindAsync(VentanillaDbContext db, string typed, int take, DateTime? now, CancellationToken ct)
    {
        var query = typed.Trim();
        if (query.Length < 3)
        {
            return [];
        }

        var account = query.ToUpperInvariant();
        var phone = MexicanPhones.Normalize(query);
        var digits = new string(query.Where(char.IsAsciiDigit).ToArray());
        var email = EmailAddresses.Normalize(query);
        var name = Text.Fold(query);
        var found = await db.Subscribers.AsNoTracking()
            .Where(s => s.MergedIntoId == null)
            .Where(s => s.AccountNumber!.StartsWith(account)
                || (phone != null && s.Phones.Any(p => p.Number == phone))
                || (digits.Length >= 4 && s.Phones.Any(p => p.Number.Contains(digits)))
                || (email != null && s.Emails.Any(e => e.Address == email))
                || s.SearchName.Contains(name))
            .OrderBy(s => s.FullName).Take(take)
            .ToListAsync(ct);
        var ids = found.Select(s => s.Id).ToArray();
        var tickets = await db.Tickets.AsNoTracking()
            .Where(t => t.SubscriberId != null && ids.Contains(t.SubscriberId.Value))
            .OrderByDescending(t => t.Id)
            .Select(t => new { SubscriberId = t.SubscriberId!.Value, Ticket = new CallerTicket(t.Folio, t.Kind, t.Status, t.Subject, t.ReportedAt) })
            .Take(take * 10)
            .ToListAsync(ct);
        var outages = new Dictionary<long, IReadOnlyList<Network.Outages.OutageInZone>>();
        // Most of the time no outage is active, and one cheap query says so for every caller at once.
        if (now is { } at && ids.Length > 0 && (await Network.Outages.OutageReach.ActiveOutagesAsync(db, at, tracked: false, ct)).Count > 0)
        {
            foreach (var id in ids)
            {
                outages[id] = await Network.Outages.OutageReach.AffectingSubscriberAsync(db, id, at, ct);
            }
        }

        return [.. found.Select(s => new CallerCard(
            s.Id, s.FullName, s.AccountNumber,
            [.. s.Phones.Select(p => p.Number)], [.. s.Emails.Select(e => e.Address)],
            s.Addresses.Select(a => a.Street).FirstOrDefault(),
            [.. tickets.Where(t => t.SubscriberId == s.Id).Select(t => t.Ticket)
                .OrderByDescending(t => Tickets.TicketLifecycle.IsOpen(t.Status)).Take(8)],
            outages.GetValueOrDefault(s.Id) ?? []))];
    }
}
