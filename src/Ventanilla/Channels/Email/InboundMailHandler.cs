using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Ventanilla.Attachments;
using Ventanilla.Data;
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

        var subscriber = await SubscriberMatcher.FindAsync(db, null, null, address, ct);
        var report = new NewTicket(ReportedKind.FromText(content.Subject, text), ContactChannel.Email, IntakeSubject.Of(content.Subject, text), text, null,
            new ContactInfo(senderName is { Length: > 0 } n ? n : null, null, address), ReportedAt: row.ReceivedAt);
        var messageId = MailThreading.Normalize(message.MessageId);
        // The same mail stored twice (fetched again, or by another node) has the same key, so it files once.
        var source = messageId is not null
            ? SourceKeys.Email(row.Mailbox, messageId)
            : SourceKeys.EmailUid(row.Mailbox, row.UidValidity ?? 0, row.Uid ?? row.Id);
        var attached = new List<IntakeFile>();
        foreach (var file in content.Files)
        {
            await using var stream = file.Open();
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, ct);
            attached.Add(new IntakeFile(file.FileName, file.DeclaredType, copy.ToArray(), file.Inline, file.ContentId));
        }

        // The ticket, its area, its files, its acknowledgement and this message's processed mark commit
        // together: a worker that stops anywhere in between leaves nothing half done.
        // Only a Normal message gets this far, so robots and our own mail are never acknowledged.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var filed = await intake.FileInAsync(db, new IntakeRequest(report, subscriber?.Id, actor, source, areaCode, attached, messageId), ct);
        row.Processed(filed.Ticket.Id, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
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
}
