using System.Text;
using MimeKit;

namespace Ventanilla.Channels.Email;

/// <summary>The decoded text of a body part, whatever charset the sender's client claimed.</summary>
internal static class BodyText
{
    static BodyText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Read(TextPart part)
    {
        var charset = part.ContentType.Charset?.Trim().ToLowerInvariant();

        // Windows clients label Windows-1252 text as ISO-8859-1 (or ASCII) and use its curly quotes,
        // dashes and "€" in 0x80–0x9F; browsers have decoded those labels as Windows-1252 for the same
        // reason (WHATWG Encoding), and so do we. Real ISO-8859-1 text decodes identically.
        if (charset is "iso-8859-1" or "latin1" or "us-ascii" or "ascii" && part.Content is not null)
        {
            return part.GetText(Encoding.GetEncoding(1252));
        }

        // MimeKit decodes the declared charset, and tries UTF-8 then ISO-8859-1 when none is declared.
        return part.Text;
    }
}
