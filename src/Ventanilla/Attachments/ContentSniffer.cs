using System.Text.Unicode;

namespace Ventanilla.Attachments;

/// <summary>
/// Tells what a file is from its first bytes, so a declared type or a file name cannot pass an
/// executable or an archive off as a photo or a PDF.
/// </summary>
public static class ContentSniffer
{
    /// <summary>How many leading bytes <see cref="Family"/> needs to decide.</summary>
    public const int HeadLength = 512;

    private static ReadOnlySpan<byte> Png => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> Jpeg => [0xFF, 0xD8, 0xFF];
    private static ReadOnlySpan<byte> Zip => [0x50, 0x4B, 0x03, 0x04];

    /// <summary>
    /// The family the content belongs to: a MIME type, or <c>zip</c> for the Office Open XML formats
    /// (which are zip archives), <c>iso-media</c> for MP4, 3GP and HEIC, <c>text</c> for readable text;
    /// null when nothing we accept starts like this.
    /// </summary>
    public static string? Family(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return "application/pdf";
        }

        if (head.StartsWith(Png))
        {
            return "image/png";
        }

        if (head.StartsWith(Jpeg))
        {
            return "image/jpeg";
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        // ISO base media files name their brand after "ftyp" at offset 4.
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return "iso-media";
        }

        if (head.StartsWith("OggS"u8))
        {
            return "audio/ogg";
        }

        if (head.StartsWith("#!AMR"u8))
        {
            return "audio/amr";
        }

        if (head.StartsWith("ID3"u8) || (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0))
        {
            // MPEG audio frames and ADTS AAC share the frame-sync bits.
            return "audio/mpeg";
        }

        if (head.StartsWith(Zip))
        {
            return "zip";
        }

        return LooksLikeText(head) ? "text" : null;
    }

    /// <summary>The family a declared type must sniff as, or null for a type we cannot verify.</summary>
    public static string? ExpectedFamily(string contentType) => contentType switch
    {
        "application/pdf" or "image/png" or "image/jpeg" or "image/gif" or "image/webp" or "audio/ogg" or "audio/amr" => contentType,
        "image/heic" or "image/heif" or "video/mp4" or "video/3gpp" or "audio/mp4" => "iso-media",
        "audio/mpeg" or "audio/aac" => "audio/mpeg",
        "text/plain" or "text/csv" => "text",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            or "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => "zip",
        _ => null,
    };

    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        if (head.IndexOf((byte)0) >= 0)
        {
            return false;
        }

        // The head may cut a multi-byte character in two; up to three trailing bytes may be incomplete.
        for (var cut = 0; cut <= Math.Min(3, head.Length); cut++)
        {
            if (Utf8.IsValid(head[..(head.Length - cut)]))
            {
                return true;
            }
        }

        // Latin-1 and Windows-1252 text: printable bytes and ordinary control characters only.
        foreach (var b in head)
        {
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C))
            {
                return false;
            }
        }

        return true;
    }
}
