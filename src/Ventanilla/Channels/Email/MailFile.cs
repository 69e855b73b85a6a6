using System.Globalization;
using MimeKit;

namespace Ventanilla.Channels.Email;

/// <summary>One file that came with an email, named and typed as the sender's client described it.</summary>
/// <param name="ContentId">For inline images, the id the HTML body refers to as <c>cid:</c>.</param>
public sealed record MailFile(string FileName, string DeclaredType, bool Inline, string? ContentId, MimeEntity Entity)
{
    public static MailFile Of(MimeEntity entity, int index)
    {
        var type = entity.ContentType.MimeType.ToLowerInvariant();
        var given = entity switch
        {
            MimePart part => part.FileName,
            MessagePart message => message.Message?.Subject is { Length: > 0 } subject ? subject + ".eml" : null,
            _ => null,
        };
        var name = string.IsNullOrWhiteSpace(given) ? Unnamed(type, index) : given;
        return new MailFile(name, type, !entity.IsAttachment && entity.ContentId is not null, entity.ContentId, entity);
    }

    /// <summary>The decoded content, as the subscriber saved it before their client encoded it.</summary>
    public Stream Open()
    {
        var content = new MemoryStream();
        switch (Entity)
        {
            case MimePart { Content: not null } part:
                part.Content.DecodeTo(content);
                break;
            case MessagePart { Message: not null } message:
                message.Message.WriteTo(content);
                break;
        }

        content.Position = 0;
        return content;
    }

    private static string Unnamed(string type, int index) => MimeTypes.TryGetExtension(type, out var extension)
        ? string.Create(CultureInfo.InvariantCulture, $"adjunto-{index}{extension}")
        : string.Create(CultureInfo.InvariantCulture, $"adjunto-{index}");
}
