using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ventanilla.Data;
using Ventanilla.Messaging;
using Ventanilla.Provider;
using Ventanilla.Tickets;

namespace Ventanilla.Channels.Email;

/// <summary>
/// Sends the email rows of the outbox that are due, from the mailbox the conversation came in by,
/// and records on each row (and on the ticket, when it is given up) what happened.
/// </summary>
/// <remarks>
/// Each row goes out with the Message-ID its token fixes, on every attempt. Right before the SMTP
/// send (once connected and authenticated) the row is committed as Sending; the outcome replaces that.
/// A row still Sending after the claim lease may have been delivered: it becomes Uncertain and is not
/// sent again unless staff retry it (docs/email.md says exactly what that guarantees).
/// </remarks>
public sealed class OutboxMailSender(IServiceScopeFactory scopes, MailboxDirectory directory, IOptions<EmailOptions> options,
    IOptions<MessagingOptions> messaging, ProviderDirectory provider, TimeProvider clock, ILogger<OutboxMailSender> log)
    : ChannelWorker(clock, log)
{
    private const int Batch = 50;

    /// <summary>Runs once the SMTP server accepted a message, before the row records it; tests stop work there, as a crash would.</summary>
    internal Func<long, CancellationToken, Task>? AfterAccepted { get; set; }

    protected override TimeSpan Interval => TimeSpan.FromSeconds(10);

    protected override bool RunsInBackground => options.Value.RunInBackground;

    protected override Task RunPassAsync(CancellationToken ct) => SendDueAsync(ct);

    /// <summary>One pass over what is due; returns how many rows this worker attempted.</summary>
    internal async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        var now = Clock.GetUtcNow().UtcDateTime;
        var lease = messaging.Value.ClaimLease;
        if (await OutboxClaims.SettleAbandonedAsync(db, ContactChannel.Email, now, lease, ct) is > 0 and var uncertain)
        {
            log.LogWarning("{Count} correos quedaron en estado incierto: su envío empezó y no terminó.", uncertain);
        }

        var due = await db.Outbox
            .Where(m => m.State == OutboxState.Pending && m.Channel == ContactChannel.Email && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => new { m.Id, m.NextAttemptAt }).Take(Batch).ToListAsync(ct);
        if (due.Count == 0)
        {
            // Most passes find nothing: the mailboxes' passwords are decrypted only when there is mail to send.
            return 0;
        }

        var senders = (await directory.EnabledAsync(db, ct)).Where(m => m.Options.Smtp.IsComplete).ToList();
        if (senders.Count == 0)
        {
            return 0;
        }

        var attempted = 0;
        foreach (var candidate in due)
        {
            // Claimed by pushing its next attempt out, so two nodes never send the same row at once.
            var claimedUntil = now + lease;
            if (await OutboxClaims.TryClaimAsync(db, candidate.Id, candidate.NextAttemptAt, claimedUntil, ct))
            {
                await SendAsync(db, senders, candidate.Id, claimedUntil, ct);
                attempted++;
            }
        }

        return attempted;
    }

    private async Task SendAsync(VentanillaDbContext db, List<ActiveMailbox> senders, long id, DateTime claimedUntil, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var row = await db.Outbox.SingleAsync(m => m.Id == id, ct);
        var ticket = row.TicketId is { } ticketId ? await db.Tickets.SingleAsync(t => t.Id == ticketId, ct) : null;
        var now = Clock.GetUtcNow().UtcDateTime;
        if (await AutomaticMailRules.WithholdAsync(db, row, options.Value.AutoReplyDailyCap, now, ct) is { } withheld)
        {
            // Not a delivery failure: nothing was sent, on purpose, and the ticket says why.
            row.Withhold(withheld, now);
            ticket?.RecordDeliveryFailure(row.Channel, row.Recipient, withheld, now);
            await db.SaveChangesAsync(CancellationToken.None);
            return;
        }

        if (row.MessageToken is null)
        {
            // A row from before tokens: its token is stored before any attempt, so every attempt agrees.
            row.EnsureMessageToken();
            await db.SaveChangesAsync(CancellationToken.None);
        }

        var thread = await MailConversation.FindAsync(db, row, ct);
        var mailbox = Sender(senders, thread.Mailbox);
        var began = false;
        bool? sent;
        try
        {
            // Inside the try: an address that does not parse fails the row like a refusal would.
            var message = OutgoingMail.Build(row, ticket?.Folio, mailbox.Address, provider.Current.Name, thread.Answers, options.Value.MessageIdDomain);
            var messageId = MailThreading.Normalize(message.MessageId);
            using var smtp = new SmtpClient { Timeout = 60_000 };
            var server = mailbox.Options.Smtp;
            await smtp.ConnectAsync(server.Host, server.Port, MailboxPoller.Socket(server.Security), ct);
            await smtp.AuthenticateAsync(server.Username, server.Password, ct);
            // Nothing is uncertain before this point: a crash while connecting leaves the row Pending
            // and claimed, and the next claim after the lease tries it again.
            if (!await OutboxClaims.TryBeginSendingAsync(db, row, claimedUntil, messageId, Clock.GetUtcNow().UtcDateTime, ct))
            {
                log.LogWarning("El correo {Id} del outbox lo tomó otro nodo mientras este se conectaba; no se envía desde aquí.", id);
                return;
            }

            began = true;
            await smtp.SendAsync(message, ct);
            if (AfterAccepted is { } accepted)
            {
                await accepted(id, ct);
            }

            row.MarkSent(messageId, Clock.GetUtcNow().UtcDateTime);
            sent = true;
            await QuitAsync(smtp);
        }
        catch (Exception error) when (!ct.IsCancellationRequested && began && error is not SmtpCommandException)
        {
            // The server never answered the message with a code: it may have taken it. Sending it
            // again could reach the subscriber twice, so it waits for staff.
            log.LogWarning(error, "No se sabe si salió el correo {Id} del outbox; queda incierto.", id);
            row.MarkUncertain($"{OutboxMessage.UncertainReason} Error: {error.Message}", Clock.GetUtcNow().UtcDateTime);
            sent = null;
        }
        catch (Exception error) when (!ct.IsCancellationRequested)
        {
            log.LogWarning(error, "No se pudo enviar el correo {Id} del outbox.", id);
            now = Clock.GetUtcNow().UtcDateTime;
            var failure = SmtpFailure.Of(error);
            if (failure.Permanent)
            {
                row.GiveUp(failure.Text, now);
            }

            var givenUp = failure.Permanent || row.MarkFailedAttempt(failure.Text, now);
            if (givenUp)
            {
                ticket?.RecordDeliveryFailure(row.Channel, row.Recipient, failure.Text, now);
            }

            if (!failure.Permanent)
            {
                // The server, not the address, is the trouble: the mailbox shows it to the administrator.
                await MailboxLease.RecordErrorAsync(db, mailbox.Id, $"SMTP: {failure.Text}", now, CancellationToken.None);
            }

            sent = givenUp ? false : null;
        }

        await db.SaveChangesAsync(CancellationToken.None);
        if (sent is { } counted)
        {
            await MailboxLease.CountSendAsync(db, mailbox.Id, counted, CancellationToken.None);
        }
    }

    // The mailbox the subscriber wrote to answers them; otherwise the first one that can send.
    private static ActiveMailbox Sender(List<ActiveMailbox> senders, string? address) =>
        senders.FirstOrDefault(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase)) ?? senders[0];

    // The message is already accepted: a QUIT that fails changes nothing about it.
    private async Task QuitAsync(SmtpClient smtp)
    {
        try
        {
            await smtp.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception error) when (error is IOException or MailKit.ProtocolException or TimeoutException)
        {
            log.LogInformation(error, "El servidor SMTP cortó al despedirse; el correo ya estaba aceptado.");
        }
    }
}
