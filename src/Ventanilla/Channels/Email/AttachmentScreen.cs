using System.Globalization;
using MimeKit;

namespace Ventanilla.Channels.Email;

/// <summary>Measures, hashes and judges one attachment against <see cref="EmailContentOptions"/>.</summary>
internal static class AttachmentScreen
{
    private static readonly CultureInfo Mexico = CultureInfo.GetCultureInfo("es-MX");

    public static MailAttachment Screen(MimeEntity entity, int index, EmailContentOptions options)
    {
        var declared = entity.ContentType.MimeType.ToLowerInvariant();
        var name = FileName(entity, declared, index);
        var type = declared == "application/octet-stream" ? TypeOf(name) : declared;

        using var sink = new HashingStream();
        switch (entity)
        {
            case MimePart { Content: not null } part:
                part.Content.DecodeTo(sink);
                break;
            case MessagePart { Message: not null } message:
                message.Message.WriteTo(sink);
                break;
        }

        var reason = Reject(name, type, sink.BytesWritten, options);
        var inline = !entity.IsAttachment && entity.ContentId is not null;
        return new MailAttachment(name, type, sink.BytesWritten, sink.HexDigest(), inline, entity.ContentId, reason, entity);
    }

    private static string? Reject(string name, string type, long size, EmailContentOptions options)
    {
        // The extension must agree too: "factura.pdf.exe" declared as application/pdf is not a PDF.
        var extension = Path.GetExtension(name);
        var byExtension = extension.Length > 0 ? TypeOf(name) : type;
        if (!Allowed(type, options) || !Allowed(byExtension, options))
        {
            var shown = extension.Length > 0 ? $"{type} ({extension.ToLowerInvariant()})" : type;
            return $"No aceptamos archivos de tipo {shown}. Envíe su archivo como PDF, foto (JPG o PNG) o documento de Word o Excel.";
        }

        if (size > options.MaxAttachmentBytes)
        {
            return string.Create(Mexico,
                $"El archivo pesa {Megabytes(size):0.#} MB y el límite es {Megabytes(options.MaxAttachmentBytes):0.#} MB por archivo.");
        }

        return null;
    }

    // MimeKit's table predates the formats iPhones save photos in.
    private static string TypeOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".heic" => "image/heic",
        ".heif" => "image/heif",
        _ => MimeTypes.GetMimeType(fileName).ToLowerInvariant(),
    };

    private static bool Allowed(string type, EmailContentOptions options) =>
        options.AllowedContentTypes.Contains(type, StringComparer.OrdinalIgnoreCase);

    private static double Megabytes(long bytes) => bytes / (1024.0 * 1024.0);

    // Only the last path segment: a name is shown and stored, never used as a path.
    private static string FileName(MimeEntity entity, string type, int index)
    {
        var given = entity switch
        {
            MimePart part => part.FileName,
            MessagePart message => message.Message?.Subject is { Length: > 0 } subject ? subject + ".eml" : null,
            _ => null,
        };
        var name = given?.Split('/', '\\').LastOrDefault(segment => segment.Trim().Length > 0)?.Trim();
        if (!string.IsNullOrEmpty(name))
        {
            return name;
        }

        return MimeTypes.TryGetExtension(type, out var extension)
            ? string.Create(CultureInfo.InvariantCulture, $"adjunto-{index}{extension}")
            : string.Create(CultureInfo.InvariantCulture, $"adjunto-{index}");
    }
}
