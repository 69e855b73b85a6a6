using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ventanilla.Data;

namespace Ventanilla.Channels.Email;

/// <summary>
/// Turns stored mail into ticket activity, one message at a time. A message is claimed with a
/// conditional update before any work, so two workers (or two nodes) never process it twice.
/// </summary>
public sealed class InboxProcessor(IServiceScopeFactory scopes, IOptions<EmailOptions> options, TimeProvider clock, ILogger<InboxProcessor> log)
    : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    // Set by the poller when it stored something, so new mail is processed at once, not on the next tick.
    private readonly SemaphoreSlim arrived = new(0, 1);

    /// <summary>Tells the processor that mail is waiting; it starts now instead of on its next tick.</summary>
    public void Wake()
    {
        if (arrived.CurrentCount == 0)
        {
            try
            {
                arrived.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another thread woke it first: one signal is enough.
            }
        }
    }

    // Handling one message takes seconds; a claim older than this was left by a worker that stopped.
    internal static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunInBackground)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ProcessPendingAsync(stoppingToken);
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(error, "Falló el procesamiento de correo entrante; se reintenta.");
            }

            await NextTickAsync(stoppingToken);
        }
    }

    private async Task NextTickAsync(CancellationToken stoppingToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var tick = Task.Delay(Interval, clock, either.Token);
        var signal = arrived.WaitAsync(either.Token);
        await Task.WhenAny(tick, signal);
        await either.CancelAsync();
        try
        {
            await Task.WhenAll(tick, signal);
        }
        catch (OperationCanceledException)
        {
            // The one that did not finish was cancelled; a signal consumed by it is not lost, mail is pending either way.
        }
    }

    /// <summary>Processes every pending message; returns how many this worker took.</summary>
    internal async Task<int> ProcessPendingAsync(CancellationToken ct)
    {
        var taken = 0;
        while (await ProcessNextAsync(ct) is { } claimed)
        {
            taken += claimed ? 1 : 0;
        }

        return taken;
    }

    // Null when nothing is pending; false when another worker claimed the message first.
    private async Task<bool?> ProcessNextAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var abandoned = now - AbandonedAfter;
        var id = await db.Inbox
            .Where(m => m.State == InboundState.Pending || (m.State == InboundState.Processing && m.ClaimedAt < abandoned))
            .OrderBy(m => m.Id).Select(m => (long?)m.Id).FirstOrDefaultAsync(ct);
        if (id is null)
        {
            return null;
        }

        var claimed = await db.Inbox
            .Where(m => m.Id == id && (m.State == InboundState.Pending || (m.State == InboundState.Processing && m.ClaimedAt < abandoned)))
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.State, InboundState.Processing).SetProperty(m => m.ClaimedAt, now), ct);
        if (claimed == 0)
        {
            return false;
        }

        var message = await db.Inbox.SingleAsync(m => m.Id == id, ct);
        try
        {
            await scope.ServiceProvider.GetRequiredService<InboundMailHandler>().HandleAsync(message, ct);
        }
        catch (Exception error) when (!ct.IsCancellationRequested)
        {
            // Kept and shown to an administrator, never dropped; the half-done change is discarded.
            log.LogWarning(error, "El correo entrante {Id} quedó marcado para revisión.", id);
            db.ChangeTracker.Clear();
            message = await db.Inbox.SingleAsync(m => m.Id == id, CancellationToken.None);
            message.Flag($"No se pudo procesar: {error.Message}", clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(CancellationToken.None);
        }

        return true;
    }
}
