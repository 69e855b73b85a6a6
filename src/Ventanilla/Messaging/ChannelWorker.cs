using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Hosting;

namespace Ventanilla.Messaging;

/// <summary>
/// A worker behind a channel's inbox or outbox: a <see cref="PeriodicJob"/> woken when new work is
/// stored. A failed pass is logged and retried after a back-off; the rows a pass claims carry their
/// own leases, so nothing is lost.
/// </summary>
public abstract class ChannelWorker(TimeProvider clock, ILogger log) : PeriodicJob(clock, log)
{
    /// <summary>False when the settings say this node does not run the worker (tests drive passes themselves).</summary>
    protected abstract override bool RunsInBackground { get; }

    /// <summary>
    /// Flags an inbound message whose handling failed, for an administrator: the half-done change is
    /// discarded and the message read again, so it is kept, never dropped. The caller saves.
    /// </summary>
    protected async Task FlagFailedAsync(VentanillaDbContext db, long id, Exception error)
    {
        db.ChangeTracker.Clear();
        var message = await db.Inbox.SingleAsync(m => m.Id == id, CancellationToken.None);
        message.Flag($"No se pudo procesar: {error.Message}", Clock.GetUtcNow().UtcDateTime);
    }
}
