using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.FollowUp.Routing;
using Ventanilla.FollowUp.Rules;
using Ventanilla.Provider;

namespace Ventanilla.Tickets;

/// <summary>
/// Registers new tickets. Gap-free folios serialize every creation on the year's counter row, so
/// instead of one transaction per report, reports that arrive together are written together: one
/// transaction, one counter update and one commit for the whole group. Each caller still gets its
/// own ticket or its own error, and a report is answered only once it is committed.
/// </summary>
public sealed class TicketIntake(IServiceScopeFactory scopes, FolioAllocator folios, ProviderDirectory provider, FollowUpDirectory followUp, TimeProvider clock)
    : BackgroundService
{
    private const int MaxGroup = 64;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    /// <param name="answersMessageId">
    /// The email the report came in, if any: the emailed receipt then answers it, in its thread, as
    /// the one acknowledgement of that email.
    /// </param>
    public Task<Ticket> RegisterAsync(NewTicket report, long? subscriberId, Actor actor, string? answersMessageId = null)
    {
        var pending = new Pending(report, subscriberId, actor, answersMessageId);
        if (!queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("Ventanilla is shutting down and takes no new reports.");
        }

        return pending.Done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var group = new List<Pending>(MaxGroup);
        // On shutdown, finish what was already accepted before stopping.
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (group.Count < MaxGroup && queue.Reader.TryRead(out var next))
            {
                group.Add(next);
            }

            await WriteAsync(group);
            group.Clear();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    private async Task WriteAsync(List<Pending> group)
    {
        try
        {
            var tickets = await SaveAsync(group);
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

    private async Task<Ticket[]> SaveAsync(List<Pending> group)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var subscriberIds = group.Select(p => p.SubscriberId).OfType<long>().Distinct().ToArray();
        var subscribers = subscriberIds.Length == 0
            ? []
            : await db.Subscribers.Where(s => subscriberIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id);

        // Routing and deadlines need no folio: work them out before the transaction, which holds the counter row.
        var routing = await IntakeRouting.PrepareAsync(db, followUp.Current,
            [.. group.Select(p => (p.Report, p.SubscriberId is { } sid ? subscribers.GetValueOrDefault(sid) : null))], now, CancellationToken.None);

        await using var transaction = await db.Database.BeginTransactionAsync();
        // Before the folio counter, in every intake, so concurrent ones take their locks in one order.
        await routing.TakeTurnsAsync(db, CancellationToken.None);
        var tickets = new Ticket[group.Count];
        foreach (var year in group.Select((p, i) => (Year: folios.YearOf(p.Report.ReportedAt ?? now), Index: i)).GroupBy(x => x.Year))
        {
            var numbers = await folios.NextAsync(db, year.Key, year.Count(), CancellationToken.None);
            foreach (var (item, folio) in year.Zip(numbers))
            {
                var pending = group[item.Index];
                var subscriber = pending.SubscriberId is { } id ? subscribers.GetValueOrDefault(id) : null;
                var ticket = Ticket.Register(folio, pending.Report, subscriber, pending.Actor, now);
                routing.Apply(ticket, item.Index, now);

                db.Tickets.Add(ticket);
                foreach (var receipt in Receipts.For(ticket, provider.Current, now))
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

    private sealed record Pending(NewTicket Report, long? SubscriberId, Actor Actor, string? AnswersMessageId)
    {
        public TaskCompletionSource<Ticket> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
