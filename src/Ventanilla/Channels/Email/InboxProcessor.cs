using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ventanilla.Data;
using Ventanilla.Messaging;

namespace Ventanilla.Channels.Email;

/// <summary>
/// Turns stored mail into ticket activity, one message at a time. A message is claimed with a
/// conditional update before any work, so two workers (or two nodes) never process it twice; a
/// claim is a lease, taken over once it runs out.
/// </summary>
public sealed class InboxProcessor(IServiceScopeFactory scopes, IOptions<EmailOptions> options, IOptions<MessagingOptions> messaging, TimeProvider clock,
    ILogger<InboxProcessor> log)
    : ChannelWorker(clock, log)
{
    /// <summary>The poller wakes the processor when it stores mail; this is only the fallback.</summary>
    protected override TimeSpan Interval => TimeSpan.FromSeconds(5);

    protected override bool RunsInBackground => options.Value.RunInBackground;

    protected override Task RunPassAsync(CancellationToken ct) => ProcessPendingAsync(ct);

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
        var now = Clock.GetUtcNow().UtcDateTime;
        var id = await db.Inbox
            .Where(m => m.Channel == Tickets.ContactChannel.Email)
            .Where(InboundMessage.Claimable(now, messaging.Value.ClaimLease))
            .OrderBy(m => m.Id).Select(m => (long?)m.Id).FirstOrDefaultAsync(ct);
        if (id is null)
        {
            return null;
        }

        var claimed = await db.Inbox
            .Where(m => m.Id == id).Where(InboundMessage.Claimable(now, messaging.Value.ClaimLease))
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
        catch (Exception error) when (!ct.IsCancellationRequested && UniqueViolation.Is(error))
        {
            // Another node filed the same mail (stored twice) at this moment: nothing of ours was kept,
            // and once the lease runs out the message is taken again and finds that ticket.
            log.LogInformation(error, "El correo entrante {Id} se reintentará: otro nodo lo atendía.", id);
        }
        catch (Exception error) when (!ct.IsCancellationRequested)
        {
            log.LogWarning(error, "El correo entrante {Id} quedó marcado para revisión.", id);
            await FlagFailedAsync(db, message.Id, error);
            await db.SaveChangesAsync(CancellationToken.None);
        }

        return true;
    }
}
