using MailKit;
using MailKit.Search;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Ventanilla.Data;
using Ventanilla.Messaging;

namespace Ventanilla.Channels.Email;

/// <summary>
/// Copies new mail from an open INBOX into the inbox table. A message is stored first and marked
/// \Seen only after the insert committed: a crash in between fetches it again, and the unique key
/// on (mailbox, UIDVALIDITY, UID) keeps the second copy out.
/// </summary>
/// <param name="afterStore">Runs after each message is stored and before it is marked seen (tests stop work there).</param>
/// <param name="stored">Called after each message is stored, to wake the processor.</param>
internal sealed class MailboxFetch(VentanillaDbContext db, string mailbox, TimeProvider clock, Func<string, uint, CancellationToken, Task>? afterStore, Action stored)
{
    /// <summary>One pass: returns how many messages were newly stored.</summary>
    public async Task<int> RunAsync(IMailFolder inbox, CancellationToken ct)
    {
        var count = 0;
        foreach (var uid in await CandidatesAsync(inbox, ct))
        {
            using var raw = new MemoryStream();
            await using (var content = await inbox.GetStreamAsync(uid, ct))
            {
                await content.CopyToAsync(raw, ct);
            }

            if (await StoreAsync(inbox.UidValidity, uid.Id, raw.ToArray(), ct))
            {
                count++;
                stored();
            }

            if (afterStore is not null)
            {
                await afterStore(mailbox, uid.Id, ct);
            }

            await inbox.AddFlagsAsync(uid, MessageFlags.Seen, silent: true, ct);
        }

        return count;
    }

    // Everything above the last UID we stored under this UIDVALIDITY, plus anything still unseen: a
    // message stored just before a crash was never marked, and is fetched again to be marked now.
    private async Task<IList<UniqueId>> CandidatesAsync(IMailFolder inbox, CancellationToken ct)
    {
        var last = await db.Inbox
            .Where(m => m.Mailbox == mailbox && m.UidValidity == inbox.UidValidity)
            .MaxAsync(m => m.Uid, ct);
        var newer = last is { } uid && uid >= uint.MaxValue - 1
            ? []
            : await inbox.SearchAsync(SearchQuery.Uids(new UniqueIdRange(new UniqueId((uint)(last ?? 0) + 1), UniqueId.MaxValue)), ct);
        var unseen = await inbox.SearchAsync(SearchQuery.NotSeen, ct);
        // "n:*" always matches the newest message, even below n: keep only what is really newer.
        return [.. newer.Where(u => u.Id > (last ?? 0)).Union(unseen).OrderBy(u => u.Id)];
    }

    private async Task<bool> StoreAsync(uint uidValidity, uint uid, byte[] raw, CancellationToken ct)
    {
        var messageId = MessageId(raw);
        if (await IsStoredAsync(uidValidity, uid, messageId, ct))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Inbox.Add(InboundMessage.FromImap(mailbox, uidValidity, uid, messageId, raw, now));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another node stored it between our check and our insert: the unique key kept it once.
            db.ChangeTracker.Clear();
            if (await IsStoredAsync(uidValidity, uid, messageId, ct))
            {
                return false;
            }

            throw;
        }
        finally
        {
            // The raw bytes need not stay in memory for the rest of the pass.
            db.ChangeTracker.Clear();
        }
    }

    // The UID says "this copy"; the Message-ID says "this message" when the server renumbered its
    // folder (a new UIDVALIDITY after a restore or migration) and offers everything again.
    private Task<bool> IsStoredAsync(uint uidValidity, uint uid, string? messageId, CancellationToken ct) =>
        db.Inbox.AnyAsync(m => m.Mailbox == mailbox
            && ((m.UidValidity == uidValidity && m.Uid == uid) || (messageId != null && m.ExternalId == messageId && m.UidValidity != uidValidity)), ct);

    // Only the header block: a body MimeKit cannot read must still be stored, to be flagged later.
    private static string? MessageId(byte[] raw)
    {
        try
        {
            using var stream = new MemoryStream(raw);
            var id = MailThreading.Normalize(HeaderList.Load(stream)[HeaderId.MessageId]);
            return id is { Length: <= 998 } ? id : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
