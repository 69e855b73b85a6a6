using System.Threading.Channels;
using Ventanilla.Data;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>
/// Stores webhook posts in the inbox. Meta wants its 200 fast and may post a thousand times a
/// second, and one commit per post would spend the database on commits; so the posts that arrive
/// together are written together, one transaction for the group, and each post is answered once its
/// group is committed. Nothing is acknowledged before it is stored.
/// </summary>
public sealed class InboxWriter(IServiceScopeFactory scopes, WriteGate gate, TimeProvider clock, ILogger<InboxWriter> log) : BackgroundService
{
    private const int MaxGroup = 256;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    private long lastStoredTicks;

    /// <summary>Raised after each committed group, so the processor can start at once instead of at its next poll.</summary>
    public event Action? Stored;

    /// <summary>Whether posts are arriving now: the workers behind the webhook then leave it room.</summary>
    public bool IsBusy => clock.GetTimestamp() - Interlocked.Read(ref lastStoredTicks) < clock.TimestampFrequency / 5;

    public Task StoreAsync(string account, byte[] raw)
    {
        var pending = new Pending(account, raw);
        if (!queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("Ventanilla is shutting down and takes no new posts.");
        }

        return pending.Done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var group = new List<Pending>(MaxGroup);
        // On shutdown, store what was already received before stopping.
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
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            db.Inbox.AddRange(group.Select(p => InboundMessage.FromWhatsApp(p.Account, p.Raw, now)));
            // One statement batch and one implicit transaction for the whole group.
            using (await gate.EnterAsync(CancellationToken.None))
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
            foreach (var pending in group)
            {
                pending.Done.TrySetResult();
            }

            Interlocked.Exchange(ref lastStoredTicks, clock.GetTimestamp());
            Stored?.Invoke();
        }
        catch (Exception error)
        {
            // Not stored, so not acknowledged: Meta retries the posts it got no 200 for.
            log.LogError(error, "No se pudieron guardar {Count} avisos de WhatsApp.", group.Count);
            foreach (var pending in group)
            {
                pending.Done.TrySetException(error);
            }
        }
    }

    private sealed record Pending(string Account, byte[] Raw)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
