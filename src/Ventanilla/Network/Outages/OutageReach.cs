using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Subscribers;
using Ventanilla.Subscribers.Services;

namespace Ventanilla.Network.Outages;

/// <summary>An outage that hits someone, as a banner, the bot, the portal or a phone system tells it.</summary>
public sealed record OutageInZone(long Id, string Code, string Title, OutageKind Kind, OutageStatus Status, DateTime StartedAt,
    DateTime? EstimatedRestorationAt, IReadOnlyList<string> ServiceCodes);

/// <summary>
/// The one answer to "is there an outage where this person is?", asked by intake, the phone desk,
/// the WhatsApp bot, the portal and the API: so they never disagree about who is affected.
/// </summary>
public static class OutageReach
{
    private static readonly OutageStatus[] Open = [OutageStatus.Investigating, OutageStatus.Identified, OutageStatus.Monitoring];

    /// <summary>
    /// An outage hits services from its declaration until restored; planned maintenance only from
    /// its start, before which its subscribers get the pre-notice and nothing else.
    /// </summary>
    public static bool Affects(Outage outage, DateTime now) =>
        outage.IsActive && (outage.Kind != OutageKind.PlannedMaintenance || outage.StartedAt <= now);

    /// <summary>The outages hitting services now, with their nodes. There are few at any time, so the tree test runs in memory.</summary>
    public static async Task<List<Outage>> ActiveOutagesAsync(this VentanillaDbContext db, DateTime now, bool tracked, CancellationToken ct)
    {
        var query = db.Outages.Include(o => o.Nodes).Where(o => Open.Contains(o.Status));
        var outages = await (tracked ? query : query.AsNoTracking()).OrderBy(o => o.Id).ToListAsync(ct);
        return [.. outages.Where(o => Affects(o, now))];
    }

    /// <summary>The first active outage covering a node path (the oldest: the one reports have been linking to).</summary>
    public static Outage? Covering(IEnumerable<Outage> outages, string? nodePath) =>
        nodePath is null ? null : outages.FirstOrDefault(o => o.Nodes.Any(n => nodePath.StartsWith(n.NodePath, StringComparison.Ordinal)));

    /// <summary>The active outages hitting any of these services (active services only), each with the codes it hits.</summary>
    public static async Task<IReadOnlyList<OutageInZone>> AffectingAsync(this VentanillaDbContext db, IQueryable<Service> services, DateTime now,
        CancellationToken ct)
    {
        var outages = await db.ActiveOutagesAsync(now, tracked: false, ct);
        if (outages.Count == 0)
        {
            return [];
        }

        var hanging = await services.Where(s => s.State == ServiceState.Active && s.NodeId != null)
            .Join(db.NetworkNodes, s => s.NodeId, n => n.Id, (s, n) => new { s.Code, n.Path })
            .Take(500).ToListAsync(ct);
        return [.. outages
            .Select(o => (Outage: o, Codes: hanging.Where(s => o.Nodes.Any(n => s.Path.StartsWith(n.NodePath, StringComparison.Ordinal))).Select(s => s.Code).ToList()))
            .Where(x => x.Codes.Count > 0)
            .Select(x => InZone(x.Outage, x.Codes))];
    }

    public static Task<IReadOnlyList<OutageInZone>> AffectingSubscriberAsync(this VentanillaDbContext db, long subscriberId, DateTime now, CancellationToken ct) =>
        db.AffectingAsync(db.Services.Where(s => s.SubscriberId == subscriberId), now, ct);

    public static Task<IReadOnlyList<OutageInZone>> AffectingServiceAsync(this VentanillaDbContext db, string serviceCode, DateTime now, CancellationToken ct)
    {
        var code = serviceCode.Trim();
        return db.AffectingAsync(db.Services.Where(s => s.Code == code), now, ct);
    }

    /// <summary>By contract number: the services that carry it, and those of the subscriber who holds it.</summary>
    public static Task<IReadOnlyList<OutageInZone>> AffectingContractAsync(this VentanillaDbContext db, string accountNumber, DateTime now, CancellationToken ct)
    {
        var account = accountNumber.Trim().ToUpperInvariant();
        var holders = db.Subscribers.Where(s => s.AccountNumber == account && s.MergedIntoId == null).Select(s => (long?)s.Id);
        return db.AffectingAsync(db.Services.Where(s => s.AccountNumber == account || holders.Contains(s.SubscriberId)), now, ct);
    }

    /// <summary>By the phone a call comes from, in any form people write it.</summary>
    public static Task<IReadOnlyList<OutageInZone>> AffectingPhoneAsync(this VentanillaDbContext db, string phone, DateTime now, CancellationToken ct)
    {
        var e164 = MexicanPhones.Normalize(phone) ?? "";
        var callers = db.Subscribers.Where(s => s.MergedIntoId == null && s.Phones.Any(p => p.Number == e164)).Select(s => (long?)s.Id);
        return db.AffectingAsync(db.Services.Where(s => callers.Contains(s.SubscriberId)), now, ct);
    }

    /// <summary>
    /// By address, for someone the portal does not know yet: the nodes that list the postal code or
    /// the colonia, and every active outage above or below them (a sector down is "in your zone" too).
    /// </summary>
    public static async Task<IReadOnlyList<OutageInZone>> AffectingAreaAsync(this VentanillaDbContext db, string? postalCode, string? neighborhood,
        DateTime now, CancellationToken ct)
    {
        var cp = postalCode?.Trim() ?? "";
        var colonia = ServiceResolver.Simplify(neighborhood);
        if (cp.Length == 0 && colonia.Length == 0)
        {
            return [];
        }

        var outages = await db.ActiveOutagesAsync(now, tracked: false, ct);
        if (outages.Count == 0)
        {
            return [];
        }

        // A rough filter in the database (the lists are comma or semicolon separated text), the exact one here.
        var candidates = await db.NetworkNodes.AsNoTracking()
            .Where(n => (cp.Length > 0 && n.PostalCodes != null && n.PostalCodes.Contains(cp)) || (colonia.Length > 0 && n.Neighborhoods != null))
            .Select(n => new { n.Path, n.PostalCodes, n.Neighborhoods }).Take(5000).ToListAsync(ct);
        var paths = candidates
            .Where(n => (cp.Length > 0 && Listed(n.PostalCodes, ',', cp)) || (colonia.Length > 0 && Listed(n.Neighborhoods, ';', colonia)))
            .Select(n => n.Path).ToList();
        return [.. outages
            .Where(o => o.Nodes.Any(on => paths.Any(p => p.StartsWith(on.NodePath, StringComparison.Ordinal) || on.NodePath.StartsWith(p, StringComparison.Ordinal))))
            .Select(o => InZone(o, []))];
    }

    private static bool Listed(string? list, char separator, string wanted) =>
        list is not null && list.Split(separator).Any(item => ServiceResolver.Simplify(item) == ServiceResolver.Simplify(wanted));

    private static OutageInZone InZone(Outage o, IReadOnlyList<string> codes) =>
        new(o.Id, o.Code, o.Title, o.Kind, o.Status, o.StartedAt, o.EstimatedRestorationAt, codes);
}
