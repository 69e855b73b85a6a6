using MimeKit;

namespace Ventanilla.Channels.Email;

/// <summary>What a delivery status notification (RFC 3464) says about the message we sent.</summary>
internal sealed record DeliveryStatusReport(string? OriginalMessageId, string? FailedRecipient, bool AnyRecipient, string? OriginalFolio)
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

        var original = OriginalHeaders(report);
        var folio = original?[MailboxContext.FolioHeader]?.Trim() is { Length: > 0 } header ? header
            : FolioTag.Find(original?[HeaderId.Subject])?.ToString();
        return new DeliveryStatusReport(MailThreading.Normalize(original?[HeaderId.MessageId]), failed, anyRecipient, folio);
    }

    // The returned headers come as text/rfc822-headers or as the whole message/rfc822.
    private static HeaderList? OriginalHeaders(MultipartReport report) =>
        report.OfType<MessagePart>().Select(part => part.Message?.Headers).FirstOrDefault(headers => headers is not null)
        ?? report.OfType<TextPart>()
            .Where(part => part.ContentType.IsMimeType("text", "rfc822-headers"))
            .Select(part => ParseHeaders(part.Text))
            .FirstOrDefault(headers => headers is not null);

    private static HeaderList? ParseHeaders(string text)
    {
        try
        {
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text.TrimEnd() + "\r\n\r\n"));
            return HeaderList.Load(stream);
        }
        catch (FormatException)
        {
            return null;
        }
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
