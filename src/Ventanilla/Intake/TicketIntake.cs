using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Deadlines.Rules;
using Ventanilla.Messaging.Notifications;
using Ventanilla.Provider;
using Ventanilla.Routing;
using Ventanilla.Tickets;

namespace Ventanilla.Intake;

/// <summary>
/// Registers new tickets. Gap-free folios serialize every creation on the year's counter row, so
/// instead of one transaction per report, reports that arrive together are written together: one
/// transaction, one counter update and one commit for the whole group. Each caller still gets its
/// own ticket or its own error, and a report is answered only once it is committed.
/// </summary>
public sealed class TicketIntake(IServiceScopeFactory scopes, FolioAllocator folios, ProviderDirectory provider, FollowUpDirectory followUp, TimeProvider clock)
    : GroupedWriter<TicketIntake.Report, Ticket>(MaxGroup)
{
    private const int MaxGroup = 64;

    /// <param name="answersMessageId">
    /// The email the report came in, if any: the emailed receipt then answers it, in its thread, as
    /// the one acknowledgement of that email.
    /// </param>
    public Task<Ticket> RegisterAsync(NewTicket report, long? subscriberId, Actor actor, string? answersMessageId = null) =>
        EnqueueAsync(new Report(Readable(report), subscriberId, actor, answersMessageId), "Ventanilla is shutting down and takes no new reports.");

    // Every channel's report passes here: a non-character that one edge missed would otherwise fail
    // routing, and with it every report written in the same group.
    private static NewTicket Readable(NewTicket report) => report with
    {
        Subject = Web.Text.Readable(report.Subject)!,
        Description = Web.Text.Readable(report.Description)!,
        ServiceAddress = Web.Text.Readable(report.ServiceAddress),
        Contact = report.Contact with { Name = Web.Text.Readable(report.Contact.Name) },
    };

    protected override async Task WriteAsync(IReadOnlyList<PendingWrite<Report, Ticket>> group)
    {
        try
        {
            var tickets = await SaveAsync([.. group.Select(p => p.Item)]);
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Done.TrySetResult(tickets[i]);
            }
        }
        catch (Exception) when (group.Count > 1)
        {
            // Nothing of the group was kept; write each alone so one bad report fails only itself.
            foreach (var pending in group)
            {
                await WriteAsync([pending]);
            }
        }
        catch (Exception error)
        {
            group[0].Done.TrySetException(error);
        }
    }

    private async Task<Ticket[]> SaveAsync(List<Report> group)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var subscriberIds = group.Select(p => p.SubscriberId).OfType<long>().Distinct().ToArray();
        var subscribers = subscriberIds.Length == 0
            ? []
            : await db.Subscribers.Where(s => subscriberIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id);

        // The receipts' words, as administration keeps them: one primary-key read per group.
        var received = await db.NotificationTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Event == NotificationEvents.Received);

        // Routing and deadlines need no folio: work them out before the transaction, which holds the counter row.
        var routing = await IntakeRouting.PrepareAsync(db, followUp.Current,
            [.. group.Select(p => (p.Details, p.SubscriberId is { } sid ? subscribers.GetValueOrDefault(sid) : null))], now, CancellationToken.None);

        await using var transaction = await db.Database.BeginTransactionAsync();
        // Before the folio counter, in every intake, so concurrent ones take their locks in one order.
        await routing.TakeTurnsAsync(db, CancellationToken.None);
        var tickets = new Ticket[group.Count];
        foreach (var year in group.Select((p, i) => (Year: folios.YearOf(p.Details.ReportedAt ?? now), Index: i)).GroupBy(x => x.Year))
        {
            var numbers = await folios.NextAsync(db, year.Key, year.Count(), CancellationToken.None);
            foreach (var (item, folio) in year.Zip(numbers))
            {
                var pending = group[item.Index];
                var subscriber = pending.SubscriberId is { } id ? subscribers.GetValueOrDefault(id) : null;
                var ticket = Ticket.Register(folio, pending.Details, subscriber, pending.Actor, now);
                routing.Apply(ticket, item.Index, now);

                db.Tickets.Add(ticket);
                foreach (var receipt in Receipts.For(ticket, provider.Current, now, received))
                {
                    if (pending.AnswersMessageId is { } original && receipt.Channel == ContactChannel.Email)
                    {
                        receipt.AnswerTo(original);
                    }

                    db.Outbox.Add(receipt);
                }

                tickets[item.Index] = ticket;
            }
        }

        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return tickets;
    }

    /// <summary>A report waiting for its folio.</summary>
    public sealed record Report(NewTicket Details, long? SubscriberId, Actor Actor, string? AnswersMessageId);
}
