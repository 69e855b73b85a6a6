using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;

namespace Ventanilla.Channels.Email;

/// <summary>
/// Who reads a mailbox now. Every node runs a poller for every mailbox, but only the node holding a
/// mailbox's lease (a row update that succeeds only when the lease is free, expired or already its
/// own) connects to it, so two nodes never read the same INBOX at once. A node that dies simply
/// stops renewing: another takes the mailbox over once the lease expires.
/// </summary>
internal static class MailboxLease
{
    /// <summary>Takes or renews the lease until <paramref name="until"/>; false when another node holds it.</summary>
    public static async Task<bool> TryTakeAsync(VentanillaDbContext db, int mailboxId, string owner, DateTime now, DateTime until, CancellationToken ct) =>
        await db.Mailboxes
            .Where(m => m.Id == mailboxId && (m.LeaseOwner == null || m.LeaseOwner == owner || m.LeaseUntil == null || m.LeaseUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.LeaseOwner, owner).SetProperty(m => m.LeaseUntil, until), ct) == 1;

    /// <summary>Gives the lease back on shutdown, so another node need not wait for it to expire.</summary>
    public static Task<int> ReleaseAsync(VentanillaDbContext db, int mailboxId, string owner, CancellationToken ct) =>
        db.Mailboxes.Where(m => m.Id == mailboxId && m.LeaseOwner == owner)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.LeaseOwner, (string?)null).SetProperty(m => m.LeaseUntil, (DateTime?)null), ct);

    // Conditional single-row updates: the poll state must not fight an administrator saving the form.
    public static Task<int> RecordPollAsync(VentanillaDbContext db, int mailboxId, DateTime now, CancellationToken ct) =>
        db.Mailboxes.Where(m => m.Id == mailboxId).ExecuteUpdateAsync(set => set.SetProperty(m => m.LastPollAt, now), ct);

    public static Task<int> RecordErrorAsync(VentanillaDbContext db, int mailboxId, string error, DateTime now, CancellationToken ct)
    {
        var text = error.Length > Mailbox.ErrorLimit ? error[..Mailbox.ErrorLimit] : error;
        return db.Mailboxes.Where(m => m.Id == mailboxId)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.LastError, text).SetProperty(m => m.LastErrorAt, now), ct);
    }

    public static Task<int> CountSendAsync(VentanillaDbContext db, int mailboxId, bool sent, CancellationToken ct) => sent
        ? db.Mailboxes.Where(m => m.Id == mailboxId).ExecuteUpdateAsync(set => set.SetProperty(m => m.SentCount, m => m.SentCount + 1), ct)
        : db.Mailboxes.Where(m => m.Id == mailboxId).ExecuteUpdateAsync(set => set.SetProperty(m => m.FailedCount, m => m.FailedCount + 1), ct);
}
