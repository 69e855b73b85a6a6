using MimeKit;

namespace Ventanilla.Channels.Email;

/// <summary>A file that came with a message, accepted or not; rejected ones are recorded, never dropped.</summary>
/// <param name="Sha256">Lower-case hex of the decoded content: the key under which it is stored.</param>
/// <param name="ContentId">For inline images, the id the HTML body refers to as <c>cid:</c>.</param>
/// <param name="RejectionReason">Why we did not keep it, in Spanish, for the subscriber and the agent.</param>
public sealed record MailAttachment(
    string FileName,
    string ContentType,
    long Size,
    string Sha256,
    bool Inline,
    string? ContentId,
    string? RejectionReason,
    MimeEntity Entity)
{
    public bool Accepted => RejectionReason is null;
}
