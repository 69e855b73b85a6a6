using System.Threading.Channels;

namespace Ventanilla.Data;

/// <summary>
/// Writes what arrives together in one go. A commit costs the database far more than a row, so
/// when many callers want to store something at once, one writer drains the queue and stores up to
/// <paramref name="maxGroup"/> items per transaction; each caller waits for its own item's outcome,
/// which the subclass gives once the group is committed or has failed.
/// </summary>
public abstract class GroupedWriter<TItem, TResult>(int maxGroup) : BackgroundService
{
    private readonly Channel<PendingWrite<TItem, TResult>> queue =
        Channel.CreateUnbounded<PendingWrite<TItem, TResult>>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Queues an item; the task ends when the item is stored, or with the reason it was not.</summary>
    /// <param name="closedMessage">The error when the service is shutting down and takes nothing new.</param>
    protected Task<TResult> EnqueueAsync(TItem item, string closedMessage)
    {
        var pending = new PendingWrite<TItem, TResult>(item);
        if (!queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException(closedMessage);
        }

        return pending.Done.Task;
    }

    /// <summary>Stores one group and completes each item's task, with its result or its error.</summary>
    protected abstract Task WriteAsync(IReadOnlyList<PendingWrite<TItem, TResult>> group);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var group = new List<PendingWrite<TItem, TResult>>(maxGroup);
        // On shutdown, finish what was already accepted before stopping.
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (group.Count < maxGroup && queue.Reader.TryRead(out var next))
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
}

/// <summary>One item waiting in a <see cref="GroupedWriter{TItem, TResult}"/>, and its caller's outcome.</summary>
public sealed class PendingWrite<TItem, TResult>(TItem item)
{
    public TItem Item { get; } = item;

    public TaskCompletionSource<TResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
