using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Ventanilla.Attachments;
using Ventanilla.Channels;
using Ventanilla.Data;
using Ventanilla.Hosting;
using Ventanilla.Intake;
using Ventanilla.Messaging;
using Ventanilla.Subscribers;
using Ventanilla.Tickets;

namespace Ventanilla.Channels.Email;

/// <summary>What one stored email becomes: a message on an existing ticket, a new query, or nothing.</summary>
internal sealed class InboundMailHandler(VentanillaDbContext db, TicketIntake intake, AttachmentIntake files, AttachmentStore store, IOptions<EmailOptions> options, TimeProvider clock,
    Tickets.Closure.ClosureDesk closure)
{
    public async Task HandleAsync(InboundMessage row, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (Parse(row.Raw) is not { } message)
        {
            row.Flag("No se pudo leer el mensaje: no tiene el formato de un correo (RFC 822).", now);
            await db.SaveChangesAsync(ct);
            return;
        }

        // Read once for the message: our addresses tell our own mail apart, and this mailbox's area takes its new tickets.
        var mailboxes = await MailboxDirectory.OwnAsync(db, ct);
        var areaCode = mailboxes.FirstOrDefault(m => m.Address == row.Mailbox)?.AreaCode;
        var verdict = InboundMailClassifier.Standard.Classify(message, new MailboxContext([.. mailboxes.Select(m => m.Address)], options.Value.MessageIdDomain));
        if (verdict.Kind is MailKind.AutoReply or MailKind.Bulk or MailKind.OwnMessage)
        {
            // Kept for the record, but nobody is waiting for an answer: no ticket, no acknowledgement.
            row.Processed(null, now);
            await db.SaveChangesAsync(ct);
            return;
        }

        var content = MailContent.From(message);
        var sender = message.From.Mailboxes.FirstOrDefault();
        // Display names are the sender's to choose; ours are stored in 200 characters.
        var senderName = Web.Text.Shortened(Web.Text.Readable(sender?.Name), 200);
        var actor = new Actor($"email:{sender?.Address}", senderName is { Length: > 0 } name ? name : sender?.Address ?? "Correo");
        var text = Text(content.Text);
        // A bounce names the message of ours that failed: read once, it also tells the ticket.
        var original = verdict.Kind == MailKind.Bounce ? await Bounces.OriginalAsync(db, verdict, ct) : null;
        var ticketId = original?.TicketId ?? await MailTicketLookup.FindAsync(db, message, verdict, ct);
        if (verdict.Kind == MailKind.Bounce)
        {
            // Kept on its ticket (when we find one) as a delivery failure, never as the subscriber's words.
            var bounced = ticketId is { } id ? await db.Tickets.SingleAsync(t => t.Id == id, ct) : null;
            await Bounces.ApplyAsync(db, verdict, original, bounced, now, ct);
            if (bounced is not null)
            {
                db.Attachments.Add(await Bounces.KeepReportAsync(store, bounced, row, now, ct));
            }

            row.Processed(ticketId, now);
            await db.SaveChangesAsync(ct);
            return;
        }

        if (ticketId is { } existing)
        {
            var joined = await db.Tickets.SingleAsync(t => t.Id == existing, ct);
            if (!await SenderProof.IsVerifiedAsync(db, joined, sender?.Address, MailThreading.CandidateIds(message), ct))
            {
                // Kept where an agent looks, but never as the subscriber's words: no message, files, status or closing answer.
                joined.AddNote(SenderProof.Note(sender?.Address, content, text), actor, now);
                row.Processed(joined.Id, now);
                await db.SaveChangesAsync(ct);
                return;
            }

            joined.AddMessage(inbound: true, ContactChannel.Email, text, actor, now, content.QuotedHistory);
            await closure.ReadReplyAsync(joined, content.Text, actor, now, ct); // an answer to the closing notice closes or reopens
            await MailFiles.AttachAsync(files, db, joined, content, actor, now, ct);
            row.Processed(joined.Id, now);
            await db.SaveChangesAsync(ct);
            return;
        }

        if (EmailAddresses.Normalize(sender?.Address) is not { } address)
        {
            row.Flag("El remitente no tiene una dirección de correo válida; no se puede abrir un folio.", now);
            await db.SaveChangesAsync(ct);
            return;
        }

        // A worker that stopped after creating the ticket but before marking the message left the
        // ticket's acknowledgement, which answers this message: finish its work instead of a second ticket.
        var messageId = MailThreading.Normalize(message.MessageId);
        if (messageId is not null && await db.Outbox.Where(m => m.InReplyTo == messageId && m.TicketId != null)
                .Select(m => m.TicketId).FirstOrDefaultAsync(ct) is { } earlier)
        {
            var unfinished = await db.Tickets.SingleAsync(t => t.Id == earlier, ct);
            await AssignAreaAsync(unfinished, areaCode, now, ct);
            // Its files were to be saved with this mark, so they are not on the ticket yet.
            await MailFiles.AttachAsync(files, db, unfinished, content, actor, now, ct);
            row.Processed(earlier, now);
            await db.SaveChangesAsync(ct);
            return;
        }

        var subscriber = await SubscriberMatcher.FindAsync(db, null, null, address, ct);
        var report = new NewTicket(TicketKind.Query, ContactChannel.Email, Subject(content.Subject, text), text, null,
            new ContactInfo(senderName is { Length: > 0 } n ? n : null, null, address), ReportedAt: row.ReceivedAt);
        // Only a Normal message gets this far, so robots and our own mail are never acknowledged.
        var created = await intake.RegisterAsync(report, subscriber?.Id, actor, messageId);
        var ticket = await db.Tickets.SingleAsync(t => t.Id == created.Id, ct);
        await AssignAreaAsync(ticket, areaCode, now, ct);
        await MailFiles.AttachAsync(files, db, ticket, content, actor, now, ct);
        row.Processed(created.Id, now);
        await db.SaveChangesAsync(ct);
    }

    private async Task AssignAreaAsync(Ticket ticket, string? areaCode, DateTime now, CancellationToken ct)
    {
        if (areaCode is null || await db.Areas.FirstOrDefaultAsync(a => a.Code == areaCode, ct) is not { } area)
        {
            return;
        }

        ticket.Assign(new Assignment(area, null, null, null), Actor.System, now);
    }

    private static MimeMessage? Parse(byte[] raw)
    {
        try
        {
            using var stream = new MemoryStream(raw);
            return MimeMessage.Load(stream);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Text(string text)
    {
        var body = text.Trim().Length == 0 ? "(Correo sin texto)" : text.Trim();
        return Web.Text.Shortened(body, TicketLimits.Description)!;
    }

    private static string Subject(string subject, string text)
    {
        var line = subject.Trim().Length > 0 ? subject.Trim() : text.Split('\n', 2)[0].Trim();
        return Web.Text.Shortened(line, 200)!;
    }
}
