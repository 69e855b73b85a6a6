using MimeKit;

namespace Ventanilla.Channels.Email;

/// <summary>Our own outgoing mail coming back: through a forward, a misconfigured alias, or a copy to ourselves.</summary>
// In-Reply-To pointing at one of our ids is deliberately not a sign: every subscriber who answers our
// acknowledgement sends exactly that. Replies from robots are caught by the auto-reply filter instead.
public sealed class OwnMessageFilter : IInboundMailFilter
{
    public MailVerdict? Judge(MimeMessage message, MailboxContext context)
    {
        if (message.Headers[MailboxContext.FolioHeader] is { } folio)
        {
            return MailVerdict.OwnMessage($"{MailboxContext.FolioHeader}: {folio.Trim()}");
        }

        if (context.IsOwnMessageId(message.MessageId))
        {
            return MailVerdict.OwnMessage($"Message-ID: <{message.MessageId}>");
        }

        var from = message.From.Mailboxes.FirstOrDefault()?.Address;
        if (context.IsOwnAddress(from))
        {
            return MailVerdict.OwnMessage($"From: {from}");
        }

        return null;
    }
}
