using Ventanilla.Tickets;

namespace Ventanilla.Intake;

/// <summary>
/// One report to file, as every channel hands it to <see cref="TicketIntake"/>: what was reported,
/// by whom, and what makes filing it twice impossible (<see cref="SourceKey"/>).
/// </summary>
/// <param name="AreaHint">The code of an area that takes the ticket instead of the routing rules' choice (an email mailbox's area).</param>
/// <param name="AnswersMessageId">The email the report came in, if any: the emailed receipt answers it, in its thread.</param>
public sealed record IntakeRequest(
    NewTicket Report,
    long? SubscriberId,
    Actor Actor,
    string? SourceKey = null,
    string? AreaHint = null,
    IReadOnlyList<IntakeFile>? Files = null,
    string? AnswersMessageId = null)
{
    public IReadOnlyList<IntakeFile> FileList => Files ?? [];
}

/// <summary>A file that came with the report; it is judged and kept as part of filing.</summary>
public sealed record IntakeFile(string Name, string ContentType, byte[] Content, bool Inline = false, string? ContentId = null);

/// <summary>The ticket a request filed, or the one its source key had already filed (nothing was written then).</summary>
public sealed record IntakeResult(Ticket Ticket, bool AlreadyFiled);

/// <summary>
/// The keys that name where a report came from. A key is the same every time the same thing arrives
/// again (a redelivered message, a retried request, a form submitted twice), so it files one ticket.
/// </summary>
public static class SourceKeys
{
    public const int MaxLength = 300;

    public static string Email(string mailbox, string messageId) => Bounded($"email:{mailbox}:{messageId}");

    /// <summary>For a mail without a Message-ID: the mailbox's IMAP identity of the message.</summary>
    public static string EmailUid(string mailbox, long uidValidity, long uid) => Bounded($"email:{mailbox}:uid:{uidValidity}:{uid}");

    public static string WhatsApp(string messageId) => Bounded($"wa:{messageId}");

    public static string Api(string principal, string idempotencyKey) => Bounded($"api:{principal}:{idempotencyKey}");

    public static string Portal(string formToken) => Bounded($"portal:{formToken}");

    public static string Phone(string formToken) => Bounded($"phone:{formToken}");

    // Message-IDs may be up to 998 characters; a longer key keeps its start and a hash of the whole, so it stays unique.
    private static string Bounded(string key)
    {
        if (key.Length <= MaxLength)
        {
            return key;
        }

        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)));
        return key[..(MaxLength - hash.Length - 1)] + "#" + hash;
    }
}

/// <summary>
/// The one rule for a ticket's subject: the subject given (an email's, the API's) when there is one,
/// otherwise the first line of what was reported, short enough to read in a list.
/// </summary>
public static class IntakeSubject
{
    /// <summary>How long a subject taken from the text may be: it is the line a list shows.</summary>
    public const int FromTextLength = 80;

    /// <param name="prefix">Words put before a subject taken from the text (the portal names the kind); they count in its length.</param>
    public static string Of(string? given, string text, string? prefix = null)
    {
        if (given?.Trim() is { Length: > 0 } subject)
        {
            return Web.Text.Shortened(subject, TicketLimits.Subject)!;
        }

        var line = text.Split('\n', 2)[0].Trim();
        var room = FromTextLength - (prefix?.Length ?? 0);
        return (prefix ?? "") + Web.Text.Shortened(line, Math.Max(room, 10))!;
    }
}
