using Microsoft.EntityFrameworkCore;
using Ventanilla.Channels;
using Ventanilla.Data;
using Ventanilla.Intake;
using Ventanilla.Messaging;

namespace Ventanilla.Hosting;

/// <summary>
/// A worker behind a channel's inbox or outbox: it runs a pass over what is waiting, then sleeps
/// until its interval ends or someone wakes it because new work was stored. A failed pass is logged
/// and the next one tries again; the rows a pass claims carry their own leases, so nothing is lost.
/// </summary>
public abstract class ChannelWorker(TimeProvider clock, ILogger log) : BackgroundService
{
    private readonly SemaphoreSlim wake = new(0, 1);

    protected TimeProvider Clock => clock;

    /// <summary>How long the worker sleeps between passes when nobody wakes it.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>False when the settings say this node does not run the worker (tests drive passes themselves).</summary>
    protected abstract bool RunsInBackground { get; }

    /// <summary>One pass over the waiting work.</summary>
    protected abstract Task RunPassAsync(CancellationToken ct);

    /// <summary>Tells the worker that work is waiting; it starts now instead of at its next tick.</summary>
    public void Wake()
    {
        try
        {
            wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: the next pass sees everything stored by then.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!RunsInBackground)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunPassAsync(stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(error, "Falló una pasada de {Worker}; se reintenta.", GetType().Name);
            }

            await SleepAsync(stoppingToken);
        }
    }

    private async Task SleepAsync(CancellationToken stoppingToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var tick = Task.Delay(Interval, clock, either.Token);
        var woken = wake.WaitAsync(either.Token);
        await Task.WhenAny(tick, woken);
        await either.CancelAsync();
        try
        {
            await Task.WhenAll(tick, woken);
        }
        catch (OperationCanceledException)
        {
            // The one that did not finish was cancelled. A wake it swallowed is not lost: the work is
            // stored, and the pass about to start finds it.
        }
    }

    public override void Dispose()
    {
        wake.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Flags an inbound message whose handling failed, for an administrator: the half-done change is
    /// discarded and the message read again, so it is kept, never dropped. The caller saves.
    /// </summary>
    protected async Task FlagFailedAsync(VentanillaDbContext db, long id, Exception error)
    {
        db.ChangeTracker.Clear();
        var message = await db.Inbox.SingleAsync(m => m.Id == id, CancellationToken.None);
        message.Flag($"No se pudo procesar: {error.Message}", clock.GetUtcNow().UtcDateTime);
    }
}
