using MimeKit;

namespace Ventanilla.Channels.Email;

/// <summary>What a received message says, ready for the ticket's timeline.</summary>
/// <param name="Text">What the sender wrote now, as plain text; shown first on the timeline.</param>
/// <param name="QuotedHistory">Earlier messages quoted below it, kept apart and shown folded.</param>
/// <param name="SanitizedHtml">The HTML body made safe to display, when the message had one.</param>
/// <param name="Files">Every part that is not the body: attachments, inline images, forwarded mail. Judged and stored by <see cref="MailFiles"/>.</param>
public sealed record MailContent(
    string Subject,
    string Text,
    string? QuotedHistory,
    string? SanitizedHtml,
    IReadOnlyList<MailFile> Files)
{
    public static MailContent From(MimeMessage message)
    {
        var plain = new List<TextPart>();
        var html = new List<TextPart>();
        var files = new List<MimeEntity>();
        foreach (var entity in message.BodyParts)
        {
            if (entity is TextPart { IsAttachment: false } text && (text.IsPlain || text.IsHtml))
            {
                (text.IsPlain ? plain : html).Add(text);
            }
            else
            {
                files.Add(entity);
            }
        }

        // Apple Mail splits one body into several text parts around inline images: keep them all, in order.
        var sanitized = html.Count > 0 ? HtmlBody.Sanitize(string.Concat(html.Select(BodyText.Read))) : null;
        var body = plain.Count > 0
            ? string.Join("\n", plain.Select(BodyText.Read))
            : sanitized is not null ? HtmlBody.ToText(sanitized) : "";
        var (newText, quoted) = Email.QuotedHistory.Split(body);
        // The mail parser is an intake edge: what a sender's client put in, minus what is not text.
        return new MailContent(Web.Text.Readable(message.Subject) ?? "", Web.Text.Readable(newText)!,
            Web.Text.Readable(quoted), sanitized,
            [.. files.Select((file, index) => MailFile.Of(file, index + 1))]);
    }
}
