using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Tickets;

namespace Ventanilla.Messaging;

/// <summary>
/// How a channel's sender takes a row and marks an attempt, so that two nodes never send one row at
/// once and a node that dies mid-send leaves a trace. Each step is one conditional update: it
/// succeeds for one node only, and the others leave the row alone.
/// </summary>
public static class OutboxClaims
{
    /// <summary>Takes a due row for <paramref name="lease"/> by pushing its next attempt out; false when another node has it.</summary>
    public static async Task<bool> TryClaimAsync(VentanillaDbContext db, long id, DateTime dueAt, DateTime until, CancellationToken ct) =>
        await db.Outbox.Where(m => m.Id == id && m.State == OutboxState.Pending && m.NextAttemptAt == dueAt)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.NextAttemptAt, until), ct) == 1;

    /// <summary>
    /// Commits that the attempt begins, while this node still holds the claim it took until
    /// <paramref name="claimedUntil"/>; false when the claim was lost (the lease ran out and another
    /// node took the row), and then this node must not send. <paramref name="row"/> is tracked and
    /// is brought to what was stored.
    /// </summary>
    public static async Task<bool> TryBeginSendingAsync(VentanillaDbContext db, OutboxMessage row, DateTime claimedUntil, string? messageId,
        DateTime now, CancellationToken ct)
    {
        var keptId = messageId ?? row.MessageId;
        var marked = await db.Outbox.Where(m => m.Id == row.Id && m.State == OutboxState.Pending && m.NextAttemptAt == claimedUntil)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.State, OutboxState.Sending)
                .SetProperty(m => m.SendingAt, now)
                .SetProperty(m => m.MessageId, keptId), ct);
        if (marked != 1)
        {
            return false;
        }

        row.BeginSending(messageId, now);
        // What the update stored is what the row now is; the outcome's save writes only what changes after.
        db.Entry(row).State = EntityState.Unchanged;
        return true;
    }

    /// <summary>
    /// Settles attempts on <paramref name="channel"/> that began before the lease and never reported
    /// back. An email may have reached the server: it turns Uncertain and waits for staff. A WhatsApp
    /// message that Meta gave an id to was accepted, so it is Sent; one without an id is sent again
    /// (Meta's API has no idempotency key, so that gap is at-least-once). Answers how many were settled.
    /// </summary>
    public static async Task<int> SettleAbandonedAsync(VentanillaDbContext db, ContactChannel channel, DateTime now, TimeSpan lease, CancellationToken ct)
    {
        var before = now - lease;
        var abandoned = db.Outbox.Where(m => m.State == OutboxState.Sending && m.Channel == channel && m.SendingAt <= before);
        if (channel == ContactChannel.Email)
        {
            return await abandoned.ExecuteUpdateAsync(set => set
                .SetProperty(m => m.State, OutboxState.Uncertain)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.LastError, OutboxMessage.UncertainReason)
                .SetProperty(m => m.NextAttemptAt, now), ct);
        }

        var accepted = await abandoned.Where(m => m.MessageId != null).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.State, OutboxState.Sent)
            .SetProperty(m => m.SentAt, m => m.SentAt ?? m.SendingAt), ct);
        var lost = await abandoned.Where(m => m.MessageId == null).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.State, OutboxState.Pending)
            .SetProperty(m => m.NextAttemptAt, now), ct);
        return accepted + lost;
    }
}
