using MimeKit;

namespace Ventanilla.Channels.Email;

/// <summary>What a delivery status notification (RFC 3464) says about the message we sent.</summary>
internal sealed record DeliveryStatusReport(string? OriginalMessageId, string? FailedRecipient, bool AnyRecipient)
{
    public static DeliveryStatusReport Read(MultipartReport report)
    {
        string? failed = null;
        var anyRecipient = false;
        foreach (var group in report.OfType<MessageDeliveryStatus>().SelectMany(status => status.StatusGroups.Skip(1)))
        {
            // The first group describes the message; every later one describes one recipient.
            anyRecipient = true;
            if (MailHeaders.Token(group["Action"]) == "failed")
            {
                // Original-Recipient is the address we wrote to, before any forwarding; it is optional.
                failed = Address(group["Original-Recipient"]) ?? Address(group["Final-Recipient"]);
                break;
            }
        }

        return new DeliveryStatusReport(OriginalId(report), failed, anyRecipient);
    }

    // The returned headers come as text/rfc822-headers or as the whole message/rfc822.
    private static string? OriginalId(MultipartReport report) =>
        report.OfType<MessagePart>().Select(part => part.Message?.MessageId).FirstOrDefault(id => id is not null)
        ?? report.OfType<TextPart>()
            .Where(part => part.ContentType.IsMimeType("text", "rfc822-headers"))
            .Select(part => ParseHeaders(part.Text))
            .FirstOrDefault(id => id is not null);

    private static string? ParseHeaders(string text)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text.TrimEnd() + "\r\n\r\n"));
        var headers = HeaderList.Load(stream);
        return MailThreading.Normalize(headers[HeaderId.MessageId]);
    }

    // "rfc822; ana@example.com" → "ana@example.com"
    private static string? Address(string? field)
    {
        if (string.IsNullOrWhiteSpace(field))
        {
            return null;
        }

        var semicolon = field.IndexOf(';', StringComparison.Ordinal);
        var address = (semicolon >= 0 ? field[(semicolon + 1)..] : field).Trim().Trim('<', '>');
        return address.Length > 0 ? address : null;
    }
}
