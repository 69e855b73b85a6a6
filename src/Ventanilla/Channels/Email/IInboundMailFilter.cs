using MimeKit;

namespace Ventanilla.Channels.Email;

/// <summary>One check on an inbound message; the classifier asks each in order until one answers.</summary>
public interface IInboundMailFilter
{
    /// <returns>A verdict when this filter recognises the message, or null to let the next one look.</returns>
    MailVerdict? Judge(MimeMessage message, MailboxContext context);
}
