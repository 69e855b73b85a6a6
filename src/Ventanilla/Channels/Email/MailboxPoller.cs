using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Ventanilla.Data;

namespace Ventanilla.Channels.Email;

/// <summary>
/// Copies new mail from one mailbox's INBOX into the inbox table. A message is stored first and
/// marked \Seen only after the insert committed: a crash in between fetches it again, and the
/// unique key on (mailbox, UIDVALIDITY, UID) keeps the second copy out.
/// </summary>
public sealed class MailboxPoller(MailboxOptions mailbox, bool runInBackground, IServiceScopeFactory scopes, TimeProvider clock, ILogger<MailboxPoller> log)
    : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(15);

    public MailboxOptions Mailbox => mailbox;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!runInBackground)
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(mailbox.PollSeconds);
        var delay = interval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PollOnceAsync(stoppingToken);
                delay = interval;
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                // One mailbox down (wrong password, server away) must not stop the others: each has its own loop.
                delay = delay * 2 > MaxBackoff ? MaxBackoff : delay * 2;
                log.LogWarning(error, "No se pudo leer el buzón {Mailbox}; se reintenta en {Delay}.", mailbox.Address, delay);
            }

            await Task.Delay(delay, clock, stoppingToken);
        }
    }

    /// <summary>One pass: returns how many messages were newly stored.</summary>
    internal async Task<int> PollOnceAsync(CancellationToken ct)
    {
        using var imap = new ImapClient();
        await imap.ConnectAsync(mailbox.Imap.Host, mailbox.Imap.Port, Socket(mailbox.Imap.Security), ct);
        await imap.AuthenticateAsync(mailbox.Imap.Username, mailbox.Imap.Password, ct);
        var inbox = imap.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadWrite, ct);

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        var stored = 0;
        foreach (var uid in await CandidatesAsync(db, inbox, ct))
        {
            using var raw = new MemoryStream();
            await using (var content = await inbox.GetStreamAsync(uid, ct))
            {
                await content.CopyToAsync(raw, ct);
            }

            if (await StoreAsync(db, inbox.UidValidity, uid.Id, raw.ToArray(), ct))
            {
                stored++;
            }

            await inbox.AddFlagsAsync(uid, MessageFlags.Seen, silent: true, ct);
        }

        await imap.DisconnectAsync(quit: true, ct);
        return stored;
    }

    // Everything above the last UID we stored under this UIDVALIDITY, plus anything still unseen: a
    // message stored just before a crash was never marked, and is fetched again to be marked now.
    private async Task<IList<UniqueId>> CandidatesAsync(VentanillaDbContext db, IMailFolder inbox, CancellationToken ct)
    {
        var last = await db.Inbox
            .Where(m => m.Mailbox == mailbox.Address && m.UidValidity == inbox.UidValidity)
            .MaxAsync(m => m.Uid, ct);
        var newer = last is { } uid && uid >= uint.MaxValue - 1
            ? []
            : await inbox.SearchAsync(SearchQuery.Uids(new UniqueIdRange(new UniqueId((uint)(last ?? 0) + 1), UniqueId.MaxValue)), ct);
        var unseen = await inbox.SearchAsync(SearchQuery.NotSeen, ct);
        // "n:*" always matches the newest message, even below n: keep only what is really newer.
        return [.. newer.Where(u => u.Id > (last ?? 0)).Union(unseen).OrderBy(u => u.Id)];
    }

    private async Task<bool> StoreAsync(VentanillaDbContext db, uint uidValidity, uint uid, byte[] raw, CancellationToken ct)
    {
        if (await IsStoredAsync(db, uidValidity, uid, ct))
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Inbox.Add(InboundMessage.FromImap(mailbox.Address, uidValidity, uid, MessageId(raw), raw, now));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another node stored it between our check and our insert: the unique key kept it once.
            db.ChangeTracker.Clear();
            if (await IsStoredAsync(db, uidValidity, uid, ct))
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

    private Task<bool> IsStoredAsync(VentanillaDbContext db, uint uidValidity, uint uid, CancellationToken ct) =>
        db.Inbox.AnyAsync(m => m.Mailbox == mailbox.Address && m.UidValidity == uidValidity && m.Uid == uid, ct);

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

    internal static SecureSocketOptions Socket(MailSecurity security) => security switch
    {
        MailSecurity.None => SecureSocketOptions.None,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.SslOnConnect,
    };
}
