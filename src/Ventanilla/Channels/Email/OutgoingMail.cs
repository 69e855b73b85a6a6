using MimeKit;
using Ventanilla.Messaging;
using Ventanilla.Tickets;

namespace Ventanilla.Channels.Email;

/// <summary>An outbox row as the email a subscriber receives, carrying what lets their answer find the ticket.</summary>
internal static class OutgoingMail
{
    public static MimeMessage Build(OutboxMessage row, string? folio, string from, string senderName, string? answers, string messageIdDomain)
    {
        var message = new MimeMessage
        {
            // The row's own token, not a fresh one: every attempt of this row carries the same Message-ID.
            MessageId = $"{row.EnsureMessageToken()}@{messageIdDomain}",
            Subject = Folio.TryParse(folio, out var tag) && tag is { } parsed ? FolioTag.Add(row.Subject, parsed) : row.Subject ?? "",
            Body = new TextPart("plain") { Text = row.Body },
        };
        message.From.Add(new MailboxAddress(senderName, from));
        message.To.Add(MailboxAddress.Parse(row.Recipient));
        if (folio is not null)
        {
            // Recognised when our own mail comes back, whatever the subject became on the way.
            message.Headers.Add(MailboxContext.FolioHeader, folio);
        }

        if (answers is not null)
        {
            message.InReplyTo = answers;
            message.References.Add(answers);
        }

        if (row.Kind == OutboxKind.Receipt)
        {
            // RFC 3834, and Exchange's own header: robots must not answer an automatic message, or two of them loop.
            message.Headers.Add(HeaderId.AutoSubmitted, answers is null ? "auto-generated" : "auto-replied");
            message.Headers.Add("X-Auto-Response-Suppress", "All");
        }

        return message;
    }
}
