using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ventanilla.Channels;
using Ventanilla.Data;
using Ventanilla.Hosting;
using Ventanilla.Intake;
using Ventanilla.Messaging;
using Ventanilla.Tickets;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>
/// Sends the WhatsApp rows of the outbox that are due, as free text (or reply buttons) inside the
/// user's 24-hour customer-service window and as the approved template for their event outside
/// it, and records on each row its <c>wamid</c>, so the delivery statuses that follow find it.
/// </summary>
public sealed class WhatsAppSender(IServiceScopeFactory scopes, IOptions<WhatsAppOptions> options, WhatsAppDirectory directory, WriteGate gate,
    TimeProvider clock, ILogger<WhatsAppSender> log) : ChannelWorker(clock, log)
{
    private const int Batch = 50;
    // Long enough for one send with its rate-limit waits; a node that dies holding a row lets another retry it after this.
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

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
            int claimed;
            using (await gate.EnterAsync(ct))
            {
                claimed = await db.Outbox.Where(m => m.Id == candidate.Id && m.State == OutboxState.Pending && m.NextAttemptAt == candidate.NextAttemptAt)
                    .ExecuteUpdateAsync(set => set.SetProperty(m => m.NextAttemptAt, now + Lease), ct);
            }

            if (claimed == 1)
            {
                await SendAsync(db, delivery, candidate.Id, ct);
                attempted++;
            }
        }

        return attempted;
    }

    private async Task SendAsync(VentanillaDbContext db, WhatsAppDelivery delivery, long id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var row = await db.Outbox.SingleAsync(m => m.Id == id, ct);
        var ticket = row.TicketId is { } ticketId ? await db.Tickets.SingleAsync(t => t.Id == ticketId, ct) : null;
        var recipient = row.Recipient;
        var byPhone = WhatsAppIds.IsPhone(recipient);
        var lastHeard = await db.WhatsAppConversations
            .Where(c => byPhone ? c.Phone == recipient : c.UserId == recipient)
            .Select(c => c.LastInboundAt).FirstOrDefaultAsync(ct);
        var outcome = await delivery.SendAsync(row, lastHeard, ct);
        var now = Clock.GetUtcNow().UtcDateTime;
        switch (outcome)
        {
            case Delivered sent:
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
