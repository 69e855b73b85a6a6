using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ventanilla.Channels.WhatsApp;
using Ventanilla.Data;
using Ventanilla.Hosting;
using Ventanilla.Messaging;
using Ventanilla.Messaging.Notifications;
using Ventanilla.Provider;
using Ventanilla.Subscribers;
using Ventanilla.Tickets;

namespace Ventanilla.Network.Outages;

/// <summary>
/// Tells the subscribers of the active services under each declared outage's nodes, on their own
/// channel, before they have to ask: when it is declared, at each new estimate, when it is restored,
/// and ahead of planned maintenance. A round tells each service once (the notice table's unique
/// index), a subscriber with several affected services gets one message per round, and no more
/// than <see cref="OutageReachOptions.NoticesPerMinute"/> messages are queued in any minute: the
/// rest wait for the next pass.
/// </summary>
public sealed class OutageNoticeRounds(VentanillaDbContext db, ProviderDirectory provider, IOptions<OutageReachOptions> options, TimeProvider clock)
{
    private const int Batch = 500;
    private static readonly OutageStatus[] Told =
        [OutageStatus.Investigating, OutageStatus.Identified, OutageStatus.Monitoring, OutageStatus.Restored, OutageStatus.Closed];

    private readonly Dictionary<string, NotificationTemplate> templates = new(StringComparer.Ordinal);

    /// <summary>One pass over every declared outage; answers how many messages it queued.</summary>
    public async Task<int> QueueDueAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var minuteAgo = now.AddMinutes(-1);
        var budget = options.Value.NoticesPerMinute
            - await db.OutageNotices.CountAsync(n => n.OutboxMessageId != null && n.CreatedAt > minuteAgo, ct);
        // A closed outage's last round (restored) may still be waiting for the rate; older ones are done.
        var recent = now.AddDays(-2);
        var ids = await db.Outages.Where(o => o.DeclaredAt != null && Told.Contains(o.Status) && (o.ClosedAt == null || o.ClosedAt > recent))
            .OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(ct);
        var queued = 0;
        foreach (var id in ids)
        {
            db.ChangeTracker.Clear();
            var outage = await db.Outages.AsNoTracking().Include(o => o.Nodes).SingleAsync(o => o.Id == id, ct);
            foreach (var round in await RoundsDueAsync(outage, now, ct))
            {
                while (budget > 0 && await QueueBatchAsync(id, round, Math.Min(budget, Batch), now, ct) is { Services: > 0 } batch)
                {
                    budget -= batch.Messages;
                    queued += batch.Messages;
                }
            }
        }

        return queued;
    }

    /// <summary>The rounds an outage owes now. Only the latest estimate is worth telling: two changes between passes are one notice.</summary>
    private async Task<List<Round>> RoundsDueAsync(Outage outage, DateTime now, CancellationToken ct)
    {
        var rounds = new List<Round>();
        var planned = outage.Kind == OutageKind.PlannedMaintenance;
        if (planned && outage.IsActive && now < outage.StartedAt && now >= outage.StartedAt - options.Value.PlannedNoticeAhead)
        {
            rounds.Add(new Round(OutageNoticeEvent.PlannedAhead, 1, null));
        }

        if (OutageReach.Affects(outage, now))
        {
            // Planned work already announced needs no "there is a failure" when it starts.
            if (!planned || !await db.OutageNotices.AnyAsync(n => n.OutageId == outage.Id && n.Event == OutageNoticeEvent.PlannedAhead, ct))
            {
                rounds.Add(new Round(OutageNoticeEvent.Declared, 1, null));
            }

            var changes = await db.OutageEntries
                .Where(e => e.OutageId == outage.Id && e.Type == OutageEntryType.EstimateChanged && e.At > outage.DeclaredAt)
                .OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => e.At).ToListAsync(ct);
            if (changes.Count > 0)
            {
                rounds.Add(new Round(OutageNoticeEvent.EstimateChanged, changes.Count, changes[^1]));
            }
        }

        if (outage.Status is OutageStatus.Restored or OutageStatus.Closed && outage.RestoredAt is not null)
        {
            rounds.Add(new Round(OutageNoticeEvent.Restored, 1, null));
        }

        return rounds;
    }

    private async Task<(int Services, int Messages)> QueueBatchAsync(long outageId, Round round, int take, DateTime now, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var outage = await db.Outages.Include(o => o.Nodes).SingleAsync(o => o.Id == outageId, ct);
        var services = await TargetsAsync(outage, round, take, ct);
        if (services.Count == 0)
        {
            return (0, 0);
        }

        var subscriberIds = services.Select(s => s.SubscriberId).OfType<long>().Distinct().ToArray();
        var subscribers = await db.Subscribers.AsNoTracking().Where(s => subscriberIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        // A subscriber told in this round for another of their services (an earlier batch) is not told again.
        var told = (await db.OutageNotices
                .Where(n => n.OutageId == outageId && n.Event == round.Event && n.Round == round.Number && n.SubscriberId != null && subscriberIds.Contains(n.SubscriberId.Value))
                .Select(n => new { SubscriberId = n.SubscriberId!.Value, n.Channel, n.OutboxMessageId }).ToListAsync(ct))
            .DistinctBy(n => n.SubscriberId).ToDictionary(n => n.SubscriberId, n => (n.Channel, n.OutboxMessageId));

        var template = await TemplateAsync(OutageEvents.EventOf(round.Event), ct);
        var values = OutageTexts.Values(outage, provider.Current);
        var fresh = new Dictionary<long, (ContactChannel Channel, OutboxMessage? Message)>();
        foreach (var subscriberId in subscriberIds.Where(id => !told.ContainsKey(id)))
        {
            var address = subscribers.TryGetValue(subscriberId, out var subscriber) ? AddressOf(subscriber) : null;
            var message = address is { } to ? Render(template, values, to.Channel, to.Recipient, now) : null;
            if (message is not null)
            {
                db.Outbox.Add(message);
            }

            fresh[subscriberId] = (address?.Channel ?? ContactChannel.Phone, message);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The messages first, for their ids; the notices and the messages commit together.
        await db.SaveChangesAsync(ct);
        foreach (var service in services)
        {
            var (channel, messageId) = service.SubscriberId is not { } sid ? (ContactChannel.Phone, null)
                : told.TryGetValue(sid, out var earlier) ? earlier
                : (fresh[sid].Channel, fresh[sid].Message?.Id);
            db.OutageNotices.Add(new OutageNotice(outageId, round.Event, round.Number, service.Id, service.SubscriberId, channel, messageId, now));
        }

        var messages = fresh.Values.Count(f => f.Message is not null);
        outage.Append(OutageEntryType.NoticesQueued,
            $"{OutageEvents.Label(template.Event)} (ronda {round.Number}): {messages} mensajes para {services.Count} servicios.", Actor.System, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (services.Count, messages);
    }

    private Task<List<Target>> TargetsAsync(Outage outage, Round round, int take, CancellationToken ct)
    {
        var id = outage.Id;
        var sent = db.OutageNotices.Where(n => n.OutageId == id && n.Event == round.Event && n.Round == round.Number);
        var query = db.ActiveServicesUnder(outage.Nodes.Select(n => n.NodePath)).Where(s => !sent.Any(n => n.ServiceId == s.Id));
        if (round.ChangedAt is { } changedAt)
        {
            // A new estimate goes to those already told of the outage; the rest learn it with their first notice.
            var first = db.OutageNotices.Where(n => n.OutageId == id && (n.Event == OutageNoticeEvent.Declared || n.Event == OutageNoticeEvent.PlannedAhead)
                && n.CreatedAt <= changedAt);
            query = query.Where(s => first.Any(n => n.ServiceId == s.Id));
        }

        if (round.Event == OutageNoticeEvent.Restored)
        {
            // A subscriber with a report linked to the outage is asked on that folio instead (see OutageRestoration).
            query = query.Where(s => s.SubscriberId == null || !db.Tickets.Any(t => t.OutageId == id && t.SubscriberId == s.SubscriberId));
        }

        return query.OrderBy(s => s.Id).Take(take).Select(s => new Target(s.Id, s.SubscriberId)).ToListAsync(ct);
    }

    /// <summary>
    /// The subscriber's own channel: WhatsApp when they have written from it (outside the 24-hour
    /// window the sender uses the event's approved template), else email, else WhatsApp to their phone.
    /// </summary>
    internal static (ContactChannel Channel, string Recipient)? AddressOf(Subscriber subscriber)
    {
        if (subscriber.WhatsAppIdentities.Select(w => WhatsAppIds.PhoneOf(w.WaId) ?? w.BusinessScopedUserId).FirstOrDefault(a => a is not null) is { } whatsApp)
        {
            return (ContactChannel.Whatsapp, whatsApp);
        }

        var email = (subscriber.Emails.FirstOrDefault(e => e.FailingSince is null) ?? subscriber.Emails.FirstOrDefault())?.Address;
        if (email is not null)
        {
            return (ContactChannel.Email, email);
        }

        return subscriber.Phones.FirstOrDefault()?.Number is { } phone ? (ContactChannel.Whatsapp, phone) : null;
    }

    private static OutboxMessage Render(NotificationTemplate template, Dictionary<string, string> values, ContactChannel channel, string recipient, DateTime now)
    {
        var parameters = TemplateText.ParameterNames(template.WhatsAppParameters).Select(n => values.GetValueOrDefault(n, "")).ToArray();
        var subject = channel == ContactChannel.Email ? TemplateText.Render(template.EmailSubject, values) : null;
        return OutboxMessage.Notice(channel, recipient, subject, TemplateText.Render(template.EmailBody, values), now).About(template.Event, parameters);
    }

    private async Task<NotificationTemplate> TemplateAsync(string eventName, CancellationToken ct)
    {
        if (!templates.TryGetValue(eventName, out var template))
        {
            template = await db.NotificationTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Event == eventName, ct)
                ?? new NotificationTemplate(eventName, OutageEvents.DefaultTexts(eventName), DateTime.UnixEpoch);
            templates[eventName] = template;
        }

        return template;
    }

    private sealed record Round(OutageNoticeEvent Event, int Number, DateTime? ChangedAt);

    private sealed record Target(long Id, long? SubscriberId);
}

/// <summary>Runs the notice pass on a timer, one DI scope per pass.</summary>
public sealed class OutageNoticeJob(IServiceScopeFactory scopes, IOptions<OutageReachOptions> options, TimeProvider clock, ILogger<OutageNoticeJob> log)
    : PeriodicJob(clock, log)
{
    protected override TimeSpan Interval => options.Value.JobInterval;

    protected override bool RunsInBackground => options.Value.RunInBackground;

    protected override async Task RunPassAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            var queued = await scope.ServiceProvider.GetRequiredService<OutageNoticeRounds>().QueueDueAsync(ct);
            if (queued > 0)
            {
                log.LogInformation("Queued {Count} outage notices", queued);
            }
        }
        catch (DbUpdateException error) when (UniqueViolation.Is(error))
        {
            // Another node queued the same round first: nothing of this batch was kept, and the next pass picks up after it.
            log.LogInformation("Another node queued these outage notices first; the next pass continues.");
        }
    }
}
