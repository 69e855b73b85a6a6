using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ventanilla.Data;
using Ventanilla.Messaging;
using Ventanilla.Tickets;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>
/// Sends the WhatsApp rows of the outbox that are due, as free text (or reply buttons) inside the
/// user's 24-hour customer-service window and as the approved template for their event outside
/// it, and records on each row its <c>wamid</c>, so the delivery statuses that follow find it.
/// </summary>
/// <remarks>
/// A row is committed as Sending before the Graph API call, and its <c>wamid</c> is saved in the same
/// save as the Sent mark. A row with a <c>wamid</c> is never sent again. A row still Sending without
/// one after the claim lease is sent again: Meta's Cloud API takes no idempotency key, so that gap
/// (the call reached Meta, the node died before saving) is at-least-once; docs/whatsapp.md says so.
/// </remarks>
public sealed class WhatsAppSender(IServiceScopeFactory scopes, IOptions<WhatsAppOptions> options, IOptions<MessagingOptions> messaging,
    WhatsAppDirectory directory, WriteGate gate, TimeProvider clock, ILogger<WhatsAppSender> log) : ChannelWorker(clock, log)
{
    private const int Batch = 50;

    protected override TimeSpan Interval => TimeSpan.FromSeconds(2);

    protected override bool RunsInBackground => options.Value.RunInBackground;

    protected override Task RunPassAsync(CancellationToken ct) => SendDueAsync(ct);

    /// <summary>
    /// The account's templates, completed with the WhatsApp template each notice names in
    /// administration (Plantillas de avisos); one set in WhatsApp's own settings wins.
    /// </summary>
    private static async Task<WhatsAppAccount> WithNoticeTemplatesAsync(VentanillaDbContext db, WhatsAppAccount account, CancellationToken ct)
    {
        var notices = await db.NotificationTemplates.AsNoTracking().Where(t => t.WhatsAppTemplate != "")
            .Select(t => new { t.Event, t.WhatsAppTemplate, t.WhatsAppLanguage }).ToListAsync(ct);
        var templates = notices.ToDictionary(t => t.Event, t => new TemplateOptions { Name = t.WhatsAppTemplate, Language = t.WhatsAppLanguage }, StringComparer.Ordinal);
        foreach (var (name, template) in account.Templates.Where(t => !string.IsNullOrWhiteSpace(t.Value.Name)))
        {
            templates[name] = template;
        }

        return account with { Templates = templates };
    }

    /// <summary>One pass over what is due; returns how many rows this worker attempted.</summary>
    internal async Task<int> SendDueAsync(CancellationToken ct)
    {
        var account = directory.Current;
        if (!account.CanSend)
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        var now = Clock.GetUtcNow().UtcDateTime;
        var lease = messaging.Value.ClaimLease;
        using (await gate.EnterAsync(ct))
        {
            await OutboxClaims.SettleAbandonedAsync(db, ContactChannel.Whatsapp, now, lease, ct);
        }

        var due = await db.Outbox
            .Where(m => m.State == OutboxState.Pending && m.Channel == ContactChannel.Whatsapp && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => new { m.Id, m.NextAttemptAt }).Take(Batch).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        var delivery = new WhatsAppDelivery(scope.ServiceProvider.GetRequiredService<GraphApi>(), await WithNoticeTemplatesAsync(db, account, ct), Clock);
        var attempted = 0;
        foreach (var candidate in due)
        {
            // Claimed by pushing its next attempt out, so two nodes never send the same row at once.
            var claimedUntil = now + lease;
            bool claimed;
            using (await gate.EnterAsync(ct))
            {
                claimed = await OutboxClaims.TryClaimAsync(db, candidate.Id, candidate.NextAttemptAt, claimedUntil, ct);
            }

            if (claimed)
            {
                await SendAsync(db, delivery, candidate.Id, claimedUntil, ct);
                attempted++;
            }
        }

        return attempted;
    }

    private async Task SendAsync(VentanillaDbContext db, WhatsAppDelivery delivery, long id, DateTime claimedUntil, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var row = await db.Outbox.SingleAsync(m => m.Id == id, ct);
        if (row.ChannelHasIt)
        {
            // Meta already took it and gave its id: a second send would be a second message on the subscriber's phone.
            log.LogWarning("El mensaje {Id} del outbox ya tiene el identificador de WhatsApp {MessageId}; no se envía de nuevo.", id, row.MessageId);
            row.MarkSent(row.MessageId, Clock.GetUtcNow().UtcDateTime);
            using (await gate.EnterAsync(CancellationToken.None))
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }

            return;
        }

        var ticket = row.TicketId is { } ticketId ? await db.Tickets.SingleAsync(t => t.Id == ticketId, ct) : null;
        var recipient = row.Recipient;
        var byPhone = WhatsAppIds.IsPhone(recipient);
        var lastHeard = await db.WhatsAppConversations
            .Where(c => byPhone ? c.Phone == recipient : c.UserId == recipient)
            .Select(c => c.LastInboundAt).FirstOrDefaultAsync(ct);
        bool began;
        using (await gate.EnterAsync(ct))
        {
            began = await OutboxClaims.TryBeginSendingAsync(db, row, claimedUntil, null, Clock.GetUtcNow().UtcDateTime, ct);
        }

        if (!began)
        {
            // The lease ran out before this node got here, and another took the row.
            return;
        }

        var outcome = await delivery.SendAsync(row, lastHeard, ct);
        var now = Clock.GetUtcNow().UtcDateTime;
        switch (outcome)
        {
            case Delivered sent:
                // The id and the Sent mark in one save: no state in between says "sent" without saying which message.
                row.MarkSent(sent.MessageId, now);
                break;
            case Refused refused:
                log.LogWarning("WhatsApp no puede llevar el mensaje {Id} del outbox: {Reason}", id, refused.Reason);
                row.GiveUp(refused.Reason, now);
                ticket?.RecordDeliveryFailure(row.Channel, row.Recipient, refused.Reason, now);
                break;
            case Retry retry when row.MarkFailedAttempt(retry.Reason, now):
                ticket?.RecordDeliveryFailure(row.Channel, row.Recipient, retry.Reason, now);
                break;
        }

        using (await gate.EnterAsync(CancellationToken.None))
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }
}
