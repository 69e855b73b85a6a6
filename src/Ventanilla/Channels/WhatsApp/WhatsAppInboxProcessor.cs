using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ventanilla.Data;
using Ventanilla.Messaging;
using Ventanilla.Tickets;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>
/// Turns stored WhatsApp messages and statuses (one row each) into conversation and ticket activity,
/// in the order they arrived. A row is claimed with a conditional update before any work, so two
/// workers (or two nodes) never process it together; the claim is a lease, taken over once it runs
/// out; and a row is never claimed while an earlier one of the same conversation waits or is held.
/// </summary>
public sealed class WhatsAppInboxProcessor(IServiceScopeFactory scopes, IOptions<WhatsAppOptions> options, IOptions<MessagingOptions> messaging,
    InboxWriter writer, WriteGate gate, TimeProvider clock, ILogger<WhatsAppInboxProcessor> log) : ChannelWorker(clock, log)
{
    private const int Batch = 32;

    /// <summary>The inbox writer wakes the processor after each stored group; this is only the fallback.</summary>
    protected override TimeSpan Interval => TimeSpan.FromSeconds(5);

    protected override bool RunsInBackground => options.Value.RunInBackground;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        writer.Stored += Wake;
        try
        {
            await base.ExecuteAsync(stoppingToken);
        }
        finally
        {
            writer.Stored -= Wake;
        }
    }

    protected override Task RunPassAsync(CancellationToken ct) => ProcessPendingAsync(ct);

    /// <summary>Processes every pending post; returns how many this worker took.</summary>
    internal async Task<int> ProcessPendingAsync(CancellationToken ct)
    {
        var taken = 0;
        while (true)
        {
            var started = Clock.GetTimestamp();
            if (await ProcessBatchAsync(ct) is not (> 0 and var claimed))
            {
                return taken;
            }

            taken += claimed;
            if (writer.IsBusy)
            {
                // Meta is posting: answering it fast matters more than turning posts into tickets a
                // moment sooner, so the processor takes at most half the time while posts arrive.
                await Task.Delay(Clock.GetElapsedTime(started), Clock, ct);
            }
        }
    }

    // Claims up to a batch of the oldest posts in two statements, then handles them one by one in order.
    // Answers how many it claimed (0 when nothing is pending, or when what is pending must wait).
    private async Task<int> ProcessBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        var now = Clock.GetUtcNow().UtcDateTime;
        var lease = messaging.Value.ClaimLease;
        var ids = await db.Inbox
            .Where(m => m.Channel == ContactChannel.Whatsapp)
            .Where(InboundMessage.Claimable(now, lease)).Where(InboundMessage.InTurn(db.Inbox))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(Batch).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return 0;
        }

        // The claim time doubles as this worker's token: a row another worker claimed in between is not ours.
        var token = now.AddTicks(Random.Shared.Next(1, 10_000));
        using (await gate.EnterAsync(ct))
        {
            await db.Inbox
                .Where(m => ids.Contains(m.Id)).Where(InboundMessage.Claimable(now, lease)).Where(InboundMessage.InTurn(db.Inbox))
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.State, InboundState.Processing).SetProperty(m => m.ClaimedAt, token), ct);
        }

        var mine = await db.Inbox.AsNoTracking().Where(m => ids.Contains(m.Id) && m.State == InboundState.Processing && m.ClaimedAt == token)
            .OrderBy(m => m.Id).ToListAsync(ct);
        for (var i = 0; i < mine.Count; i++)
        {
            if (!await ProcessAsync(scope, db, mine[i], ct))
            {
                // Retried later, and the posts after it wait with it, so one user's messages stay in order.
                var rest = mine.Skip(i).Select(m => m.Id).ToList();
                await db.Inbox.Where(m => rest.Contains(m.Id))
                    .ExecuteUpdateAsync(set => set.SetProperty(m => m.State, InboundState.Pending), CancellationToken.None);
                return 0;
            }
        }

        return Math.Max(mine.Count, 1);
    }

    // False when the post must be tried again later.
    private async Task<bool> ProcessAsync(AsyncServiceScope scope, VentanillaDbContext db, InboundMessage message, CancellationToken ct)
    {
        // Each post starts from a clean slate: what the one before left tracked is not saved with it.
        db.ChangeTracker.Clear();
        db.Inbox.Attach(message);
        var id = message.Id;
        try
        {
            await scope.ServiceProvider.GetRequiredService<WhatsAppInboundHandler>().HandleAsync(message, ct);
        }
        catch (Exception error) when (!ct.IsCancellationRequested
            && (error is DbUpdateConcurrencyException or GraphApiException { IsTransient: true } || UniqueViolation.Is(error)))
        {
            // Someone changed the ticket or the conversation at the same moment, another node acted on the
            // same message, or Meta's media server is down: nothing of the message was kept, and a later
            // pass tries it again (and finds the work done, when another node did it).
            log.LogInformation(error, "El aviso de WhatsApp {Id} se reintentará.", id);
            return false;
        }
        catch (Exception error) when (!ct.IsCancellationRequested)
        {
            log.LogWarning(error, "El aviso de WhatsApp {Id} quedó marcado para revisión.", id);
            await FlagFailedAsync(db, id, error);
            await gate.SaveAsync(db, CancellationToken.None);
        }

        return true;
    }
}
