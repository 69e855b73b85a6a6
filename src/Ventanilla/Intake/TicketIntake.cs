using Microsoft.EntityFrameworkCore;
using Ventanilla.Attachments;
using Ventanilla.Data;
using Ventanilla.Deadlines.Rules;
using Ventanilla.Messaging.Notifications;
using Ventanilla.Network.Outages;
using Ventanilla.Provider;
using Ventanilla.Routing;
using Ventanilla.Tickets;

namespace Ventanilla.Intake;

/// <summary>
/// Registers new tickets, two ways. Gap-free folios serialize every creation on the year's counter
/// row, so reports that arrive together through <see cref="RegisterAsync"/> are written together:
/// one transaction, one counter update and one commit for the whole group, each caller still getting
/// its own ticket or its own error once it is committed. A channel worker whose own effects must
/// commit with the ticket (an inbound row marked processed, a conversation's state) files through
/// <see cref="FileInAsync"/> instead, inside its own transaction. Either way a request's source key
/// files at most one ticket: a request whose source already has one is answered with it.
/// </summary>
public sealed class TicketIntake(IServiceScopeFactory scopes, FolioAllocator folios, ProviderDirectory provider, FollowUpDirectory followUp,
    AttachmentIntake attachments, TimeProvider clock)
    : GroupedWriter<IntakeRequest, IntakeResult>(MaxGroup)
{
    private const int MaxGroup = 64;

    public Task<IntakeResult> RegisterAsync(IntakeRequest request) =>
        EnqueueAsync(Readable(request), "Ventanilla is shutting down and takes no new reports.");

    /// <summary>
    /// Files the request in <paramref name="db"/>'s open transaction (folio, routing, deadlines,
    /// receipts in the outbox, files, area): nothing is saved, the caller saves and commits it with
    /// its own change. A request whose source key already filed a ticket (saved, or staged in this
    /// context) gets that ticket back and changes nothing.
    /// </summary>
    public async Task<IntakeResult> FileInAsync(VentanillaDbContext db, IntakeRequest request, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A ticket filed with the caller's own change needs the caller's transaction open.");
        }

        request = Readable(request);
        if (request.SourceKey is { } key
            && (db.Tickets.Local.FirstOrDefault(t => t.SourceKey == key) ?? await db.Tickets.Include(t => t.Subscriber).FirstOrDefaultAsync(t => t.SourceKey == key, ct))
                is { } existing)
        {
            return new IntakeResult(existing, AlreadyFiled: true);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var prepared = await PrepareAsync(db, [request], now, ct);
        var tickets = await StageAsync(db, prepared, [request], now, ct);
        return new IntakeResult(tickets[0], AlreadyFiled: false);
    }

    // Every channel's report passes here: a non-character that one edge missed would otherwise fail
    // routing, and with it every report written in the same group.
    private static IntakeRequest Readable(IntakeRequest request) => request with
    {
        Report = request.Report with
        {
            Subject = Web.Text.Readable(request.Report.Subject)!,
            Description = Web.Text.Readable(request.Report.Description)!,
            ServiceAddress = Web.Text.Readable(request.Report.ServiceAddress),
            Contact = request.Report.Contact with { Name = Web.Text.Readable(request.Report.Contact.Name) },
        },
    };

    protected override async Task WriteAsync(IReadOnlyList<PendingWrite<IntakeRequest, IntakeResult>> group)
    {
        try
        {
            var results = await SaveAsync([.. group.Select(p => p.Item)]);
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Done.TrySetResult(results[i]);
            }
        }
        catch (Exception) when (group.Count > 1)
        {
            // Nothing of the group was kept; write each alone so one bad report (or one whose source
            // another node filed meanwhile) fails or is answered only by itself.
            foreach (var pending in group)
            {
                await WriteAsync([pending]);
            }
        }
        catch (Exception error)
        {
            // A unique source key lost a race to another writer: that writer's ticket is the answer.
            if (group[0].Item.SourceKey is { } key && await FiledFromAsync(key) is { } existing)
            {
                group[0].Done.TrySetResult(new IntakeResult(existing, AlreadyFiled: true));
                return;
            }

            group[0].Done.TrySetException(error);
        }
    }

    private async Task<Ticket?> FiledFromAsync(string key)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
            return await db.Tickets.AsNoTracking().Include(t => t.Subscriber).FirstOrDefaultAsync(t => t.SourceKey == key);
        }
        catch (Exception)
        {
            // The original error is the one to report.
            return null;
        }
    }

    private async Task<IntakeResult[]> SaveAsync(List<IntakeRequest> group)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;

        // A source already filed is answered with its ticket; the same source twice in a group is filed once.
        var keys = group.Select(r => r.SourceKey).OfType<string>().Distinct().ToArray();
        var filed = keys.Length == 0
            ? []
            : await db.Tickets.AsNoTracking().Include(t => t.Subscriber).Where(t => keys.Contains(t.SourceKey)).ToDictionaryAsync(t => t.SourceKey!);
        var results = new IntakeResult?[group.Count];
        var firstOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var fresh = new List<int>();
        for (var i = 0; i < group.Count; i++)
        {
            if (group[i].SourceKey is { } key && filed.TryGetValue(key, out var existing))
            {
                results[i] = new IntakeResult(existing, AlreadyFiled: true);
            }
            else if (group[i].SourceKey is not { } k || firstOf.TryAdd(k, i))
            {
                fresh.Add(i);
            }
        }

        if (fresh.Count > 0)
        {
            List<IntakeRequest> requests = [.. fresh.Select(i => group[i])];
            // Routing and deadlines need no folio: work them out before the transaction, which holds the counter row.
            var prepared = await PrepareAsync(db, requests, now, CancellationToken.None);
            await using var transaction = await db.Database.BeginTransactionAsync();
            var tickets = await StageAsync(db, prepared, requests, now, CancellationToken.None);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            for (var j = 0; j < fresh.Count; j++)
            {
                results[fresh[j]] = new IntakeResult(tickets[j], AlreadyFiled: false);
            }
        }

        for (var i = 0; i < group.Count; i++)
        {
            results[i] ??= new IntakeResult(results[firstOf[group[i].SourceKey!]]!.Ticket, AlreadyFiled: true);
        }

        return [.. results.Select(r => r!)];
    }

    // Everything filing reads, before any lock is taken.
    private async Task<Prepared> PrepareAsync(VentanillaDbContext db, List<IntakeRequest> requests, DateTime now, CancellationToken ct)
    {
        var subscriberIds = requests.Select(p => p.SubscriberId).OfType<long>().Distinct().ToArray();
        var subscribers = subscriberIds.Length == 0
            ? []
            : await db.Subscribers.Where(s => subscriberIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);

        // The receipts' words, as administration keeps them: one primary-key read per group.
        var received = await db.NotificationTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Event == NotificationEvents.Received, ct);
        var routing = await IntakeRouting.PrepareAsync(db, followUp.Current,
            [.. requests.Select(p => (p.Report, p.SubscriberId is { } sid ? subscribers.GetValueOrDefault(sid) : null))], now, ct);

        // Read after routing, which attaches its areas: a hinted area that routing also chose is the same tracked row.
        var hints = requests.Select(r => r.AreaHint).OfType<string>().Distinct().ToArray();
        var areas = hints.Length == 0 ? [] : await db.Areas.Where(a => hints.Contains(a.Code)).ToDictionaryAsync(a => a.Code, ct);
        var outages = await OutageLinking.PrepareAsync(db, subscriberIds, now, ct);
        return new Prepared(subscribers, received, routing, areas, outages);
    }

    // The writes of filing, inside the open transaction; the caller saves.
    private async Task<Ticket[]> StageAsync(VentanillaDbContext db, Prepared prepared, List<IntakeRequest> requests, DateTime now, CancellationToken ct)
    {
        // Before the folio counter, in every intake, so concurrent ones take their locks in one order.
        await prepared.Routing.TakeTurnsAsync(db, ct);
        var tickets = new Ticket[requests.Count];
        foreach (var year in requests.Select((p, i) => (Year: folios.YearOf(p.Report.ReportedAt ?? now), Index: i)).GroupBy(x => x.Year))
        {
            var numbers = await folios.NextAsync(db, year.Key, year.Count(), ct);
            foreach (var (item, folio) in year.Zip(numbers))
            {
                var request = requests[item.Index];
                var subscriber = request.SubscriberId is { } id ? prepared.Subscribers.GetValueOrDefault(id) : null;
                var ticket = Ticket.Register(folio, request.Report, subscriber, request.Actor, now, request.SourceKey);
                prepared.Routing.Apply(ticket, item.Index, now);
                if (request.AreaHint is { } code && prepared.Areas.GetValueOrDefault(code) is { } area)
                {
                    ticket.Assign(new Assignment(area, null, null, null), Actor.System, now);
                }

                db.Tickets.Add(ticket);
                // A fault under an active outage becomes its child here, and its receipt already says so.
                var (received, outageValues) = prepared.Outages.Apply(ticket, request, now) is { } outage
                    ? prepared.Outages.ReceiptFor(outage, provider.Current)
                    : (prepared.Received, null);
                foreach (var receipt in Receipts.For(ticket, provider.Current, now, received, outageValues))
                {
                    if (request.AnswersMessageId is { } original && receipt.Channel == ContactChannel.Email)
                    {
                        receipt.AnswerTo(original);
                    }

                    db.Outbox.Add(receipt);
                }

                foreach (var file in request.FileList)
                {
                    await using var content = new MemoryStream(file.Content, writable: false);
                    db.Attachments.Add(await attachments.AcceptAsync(ticket, new IncomingFile(file.Name, file.ContentType, content, file.Inline, file.ContentId),
                        request.Report.Channel, request.Actor, now, ct));
                }

                tickets[item.Index] = ticket;
            }
        }

        return tickets;
    }

    private sealed record Prepared(Dictionary<long, Subscribers.Subscriber> Subscribers, NotificationTemplate? Received, IntakeRouting Routing,
        Dictionary<string, Staff.Area> Areas, OutageLinking Outages);
}
