using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ventanilla.Channels;
using Ventanilla.Data;
using Ventanilla.Hosting;
using Ventanilla.Intake;
using Ventanilla.Messaging;
using Ventanilla.Provider;
using Ventanilla.Tickets;

namespace Ventanilla.Channels.Email;

/// <summary>
/// Sends the email rows of the outbox that are due, from the mailbox the conversation came in by,
/// and records on each row (and on the ticket, when it is given up) what happened.
/// </summary>
public sealed class OutboxMailSender(IServiceScopeFactory scopes, MailboxDirectory directory, IOptions<EmailOptions> options, ProviderDirectory provider, TimeProvider clock, ILogger<OutboxMailSender> log)
    : ChannelWorker(clock, log)
{
    private const int Batch = 50;
    // Long enough for one send; a node that dies holding a row lets another retry it after this.
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    protected override TimeSpan Interval => TimeSpan.FromSeconds(10);

    protected override bool RunsInBackground => options.Value.RunInBackground;

    protected override Task RunPassAsync(CancellationToken ct) => SendDueAsync(ct);

    /// <summary>One pass over what is due; returns how many rows this worker attempted.</summary>
    internal async Task<int> SendDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        var now = Clock.GetUtcNow().UtcDateTime;
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
            var claimed = await db.Outbox.Where(m => m.Id == candidate.Id && m.State == OutboxState.Pending && m.NextAttemptAt == candidate.NextAttemptAt)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.NextAttemptAt, now + Lease), ct);
            if (claimed == 1)
            {
                await SendAsync(db, senders, candidate.Id, ct);
                attempted++;
            }
        }

        return attempted;
    }

    private async Task SendAsync(VentanillaDbContext db, List<ActiveMailbox> senders, long id, CancellationToken ct)
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

        var thread = await MailConversation.FindAsync(db, row, ct);
        var mailbox = Sender(senders, thread.Mailbox);
        bool? sent;
        try
        {
            var message = OutgoingMail.Build(row, ticket?.Folio, mailbox.Address, provider.Current.Name, thread.Answers, options.Value.MessageIdDomain);
            await SmtpAsync(mailbox.Options.Smtp, message, ct);
            row.MarkSent(MailThreading.Normalize(message.MessageId), Clock.GetUtcNow().UtcDateTime);
            sent = true;
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

    private static async Task SmtpAsync(MailServerOptions server, MimeKit.MimeMessage message, CancellationToken ct)
    {
        using var smtp = new SmtpClient { Timeout = 60_000 };
        await smtp.ConnectAsync(server.Host, server.Port, MailboxPoller.Socket(server.Security), ct);
        await smtp.AuthenticateAsync(server.Username, server.Password, ct);
        await smtp.SendAsync(message, ct);
        await smtp.DisconnectAsync(quit: true, ct);
    }
}
