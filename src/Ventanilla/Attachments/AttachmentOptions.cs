namespace Ventanilla.Attachments;

/// <summary>What any channel accepts as an attachment.</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// What subscribers send about a fault or a bill: photos (HEIC is what iPhones take), PDFs, plain
    /// text, current Word and Excel documents, and the voice notes and short videos WhatsApp carries.
    /// Left out on purpose: archives, which hide their contents from the agent and cannot be opened on
    /// a phone; legacy .doc and .xls, the classic carriers of macros; and anything executable.
    /// </summary>
    // An array, so that configuration replaces the list instead of appending to it.
    public string[] AllowedTypes { get; set; } =
    [
        "application/pdf",
        "image/jpeg",
        "image/png",
        "image/gif",
        "image/webp",
        "image/heic",
        "image/heif",
        "text/plain",
        "text/csv",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "audio/ogg",
        "audio/mpeg",
        "audio/mp4",
        "audio/aac",
        "audio/amr",
        "video/mp4",
        "video/3gpp",
    ];
}
