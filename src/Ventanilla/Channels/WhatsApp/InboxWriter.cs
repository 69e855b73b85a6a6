using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Messaging;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>
/// Stores webhook posts in the inbox, each message and each status as a row of its own (see
/// <see cref="WebhookItems"/>), once however often it is posted. Meta wants its 200 fast and may post a thousand times a
/// second, and one commit per post would spend the database on commits; so the posts that arrive
/// together are written together, one transaction for the group, and each post is answered once its
/// group is committed. Nothing is acknowledged before it is stored.
/// </summary>
public sealed class InboxWriter(IServiceScopeFactory scopes, WriteGate gate, TimeProvider clock, ILogger<InboxWriter> log)
    : GroupedWriter<InboxWriter.Post, bool>(MaxGroup)
{
    private const int MaxGroup = 256;

    // Seven parameters a row, well under either database's limit per statement.
    private const int RowsPerStatement = 500;

    private static readonly string Channel = Web.Wire.Name(Tickets.ContactChannel.Whatsapp);
    private static readonly string Pending = Web.Wire.Name(InboundState.Pending);

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
            var rows = group.SelectMany(p => WebhookItems.Split(p.Item.Raw).Select(item => (p.Item.Account, item))).ToList();
            // One transaction for the whole group, a statement per chunk of rows.
            using (await gate.EnterAsync(CancellationToken.None))
            {
                await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
                foreach (var chunk in rows.Chunk(RowsPerStatement))
                {
                    await InsertAsync(db, chunk, now);
                }

                await transaction.CommitAsync(CancellationToken.None);
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

    // A message or status already stored (posted again by Meta, or to another node) is left as it is:
    // the same statement on SQLite and PostgreSQL, answered only once the row is there either way.
    private static async Task InsertAsync(VentanillaDbContext db, (string Account, WebhookItems.Item Item)[] rows, DateTime now)
    {
        var sql = new System.Text.StringBuilder(
            "INSERT INTO inbound_messages (mailbox, channel, external_id, conversation_key, raw, received_at, state) VALUES ");
        var values = new List<object?>(rows.Length * 7);
        for (var i = 0; i < rows.Length; i++)
        {
            var at = values.Count;
            sql.Append(i == 0 ? "" : ", ").Append(System.Globalization.CultureInfo.InvariantCulture,
                $"({{{at}}}, {{{at + 1}}}, {{{at + 2}}}, {{{at + 3}}}, {{{at + 4}}}, {{{at + 5}}}, {{{at + 6}}})");
            values.AddRange([rows[i].Account, Channel, rows[i].Item.ExternalId, rows[i].Item.ConversationKey, rows[i].Item.Raw, now, Pending]);
        }

        sql.Append(" ON CONFLICT DO NOTHING");
        // A null goes as null: EF types it by the column, which it cannot do for DBNull.
        await db.Database.ExecuteSqlRawAsync(sql.ToString(), values!);
    }

    /// <summary>A webhook post as it came, for the account it came to.</summary>
    public sealed record Post(string Account, byte[] Raw);
}
