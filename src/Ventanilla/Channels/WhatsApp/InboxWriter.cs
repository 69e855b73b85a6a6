using Ventanilla.Channels;
using Ventanilla.Data;
using Ventanilla.Hosting;
using Ventanilla.Intake;
using Ventanilla.Messaging;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>
/// Stores webhook posts in the inbox. Meta wants its 200 fast and may post a thousand times a
/// second, and one commit per post would spend the database on commits; so the posts that arrive
/// together are written together, one transaction for the group, and each post is answered once its
/// group is committed. Nothing is acknowledged before it is stored.
/// </summary>
public sealed class InboxWriter(IServiceScopeFactory scopes, WriteGate gate, TimeProvider clock, ILogger<InboxWriter> log)
    : GroupedWriter<InboxWriter.Post, bool>(MaxGroup)
{
    private const int MaxGroup = 256;

    private long lastStoredTicks;

    /// <summary>Raised after each committed group, so the processor can start at once instead of at its next poll.</summary>
    public event Action? Stored;

    /// <summary>Whether posts are arriving now: the workers behind the webhook then leave it room.</summary>
    public bool IsBusy => clock.GetTimestamp() - Interlocked.Read(ref lastStoredTicks) < clock.TimestampFrequency / 5;

    public Task StoreAsync(string account, byte[] raw) =>
        EnqueueAsync(new Post(account, raw), "Ventanilla is shutting down and takes no new posts.");

    protected override async Task WriteAsync(IReadOnlyList<PendingWrite<Post, bool>> group)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            db.Inbox.AddRange(group.Select(p => InboundMessage.FromWhatsApp(p.Item.Account, p.Item.Raw, now)));
            // One statement batch and one implicit transaction for the whole group.
            using (await gate.EnterAsync(CancellationToken.None))
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
            foreach (var pending in group)
            {
                pending.Done.TrySetResult(true);
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

    /// <summary>A webhook post as it came, for the account it came to.</summary>
    public sealed record Post(string Account, byte[] Raw);
}
