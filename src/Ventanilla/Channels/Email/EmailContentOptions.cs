namespace Ventanilla.Channels.Email;

/// <summary>What we accept as attachments on inbound mail.</summary>
public sealed class EmailContentOptions
{
    public const string Section = "Email:Content";

    public long MaxAttachmentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>
    /// What subscribers send about a fault or a bill: photos (HEIC is what iPhones take), PDFs, and
    /// current Word and Excel documents. Left out on purpose: archives (zip, rar), which hide their
    /// contents from the agent and from malware scanning and cannot be opened on a phone; legacy
    /// .doc and .xls, the classic carriers of macros; and anything executable. The rejection reason
    /// asks the subscriber to send a PDF or a photo instead.
    /// </summary>
    // An array, so that configuration replaces the list instead of appending to it.
    public string[] AllowedContentTypes { get; set; } =
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
    ];
}
