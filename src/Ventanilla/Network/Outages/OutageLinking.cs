using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Intake;
using Ventanilla.Messaging.Notifications;
using Ventanilla.Provider;
using Ventanilla.Subscribers.Services;
using Ventanilla.Tickets;

namespace Ventanilla.Network.Outages;

/// <summary>
/// What intake needs to place new reports in the network: the reporting subscribers' services,
/// their nodes and the active outages, read once per group before the folio counter is locked.
/// <see cref="Apply"/> then points each report at its service and, for a fault under an active
/// outage, makes it a child of that outage, in the filing's own transaction: a retried or
/// redelivered report files (and links) once, because its source key files one ticket.
/// </summary>
public sealed class OutageLinking
{
    private readonly ILookup<long, Service> servicesBySubscriber;
    private readonly IReadOnlyDictionary<long, string> nodePaths;
    private readonly IReadOnlyList<Outage> outages;

    private OutageLinking(ILookup<long, Service> services, IReadOnlyDictionary<long, string> paths, IReadOnlyList<Outage> outages,
        NotificationTemplate? receipt)
    {
        servicesBySubscriber = services;
        nodePaths = paths;
        this.outages = outages;
        Receipt = receipt;
    }

    /// <summary>The stored receipt template for a linked report (null: the default words).</summary>
    public NotificationTemplate? Receipt { get; }

    public static async Task<OutageLinking> PrepareAsync(VentanillaDbContext db, IEnumerable<long> subscriberIds, DateTime now, CancellationToken ct)
    {
        var ids = subscriberIds.Distinct().ToArray();
        var services = ids.Length == 0
            ? []
            : await db.Services.AsNoTracking().Where(s => s.SubscriberId != null && ids.Contains(s.SubscriberId.Value)).ToListAsync(ct);
        // Tracked: a linked report writes on the outage's timeline in the same save.
        var outages = services.Count == 0 ? [] : await db.ActiveOutagesAsync(now, tracked: true, ct);
        var nodeIds = services.Select(s => s.NodeId).OfType<long>().Distinct().ToArray();
        var paths = outages.Count == 0 || nodeIds.Length == 0
            ? new Dictionary<long, string>()
            : await db.NetworkNodes.AsNoTracking().Where(n => nodeIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Path, ct);
        var receipt = outages.Count == 0
            ? null
            : await db.NotificationTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Event == OutageEvents.ReceivedInOutage, ct);
        return new OutageLinking(services.ToLookup(s => s.SubscriberId!.Value), paths, outages, receipt);
    }

    /// <summary>
    /// Points the new report at its service and links a fault under an active outage to it; answers
    /// the outage linked, or null. Only faults link: a complaint, a query or a cancellation filed
    /// during an outage is about something else and keeps its own course.
    /// </summary>
    public Outage? Apply(Ticket ticket, IntakeRequest request, DateTime now)
    {
        if (ticket.SubscriberId is not { } subscriberId
            || ServiceResolver.Resolve(servicesBySubscriber[subscriberId], request.Report.ServiceAddress) is not { } service)
        {
            return null;
        }

        ticket.PointAtService(service.Id, service.Code, Actor.System, now);
        if (ticket.Kind != TicketKind.Fault
            || OutageReach.Covering(outages, service.NodeId is { } node ? nodePaths.GetValueOrDefault(node) : null) is not { } outage)
        {
            return null;
        }

        ticket.LinkToOutage(outage, Actor.System, now);
        outage.NoteLinkedReport(ticket.Folio, Actor.System, now);
        return outage;
    }

    /// <summary>The receipt template and the values it takes for a report linked to <paramref name="outage"/>.</summary>
    public (NotificationTemplate Template, Dictionary<string, string> Values) ReceiptFor(Outage outage, ProviderOptions provider) =>
        (Receipt ?? new NotificationTemplate(OutageEvents.ReceivedInOutage, OutageEvents.DefaultTexts(OutageEvents.ReceivedInOutage), DateTime.UnixEpoch),
            OutageTexts.Values(outage, provider));

    /// <summary>The words about the report's outage, for a channel that answers in its own words (the WhatsApp bot).</summary>
    public static async Task<string?> SentenceForAsync(VentanillaDbContext db, Ticket ticket, ProviderOptions provider, CancellationToken ct)
    {
        if (ticket.OutageId is not { } id || await db.Outages.FindAsync([id], ct) is not { } outage)
        {
            return null;
        }

        return OutageTexts.InYourZone(outage.Code, outage.Title, outage.EstimatedRestorationAt, provider);
    }
}
