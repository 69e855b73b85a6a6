using MimeKit;

namespace Ventanilla.Channels.Email;

/// <summary>Mailing lists, newsletters and marketing: nobody there is waiting for a folio.</summary>
public sealed class BulkMailFilter : IInboundMailFilter
{
    public MailVerdict? Judge(MimeMessage message, MailboxContext context)
    {
        var headers = message.Headers;
        var precedence = MailHeaders.Token(headers[HeaderId.Precedence]);
        if (precedence is "bulk" or "list" or "junk")
        {
            return MailVerdict.Bulk($"Precedence: {precedence}");
        }

        if (headers[HeaderId.ListId] is { } listId)
        {
            return MailVerdict.Bulk($"List-Id: {listId.Trim()}");
        }

        if (headers[HeaderId.ListUnsubscribe] is { } unsubscribe)
        {
            return MailVerdict.Bulk($"List-Unsubscribe: {unsubscribe.Trim()}");
        }

        return null;
    }
}
