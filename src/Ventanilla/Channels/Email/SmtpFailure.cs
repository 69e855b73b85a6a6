using System.Globalization;
using MailKit.Net.Smtp;

namespace Ventanilla.Channels.Email;

/// <summary>
/// What a failed send means. A 5xx reply to the recipient or the message (RFC 5321 section 4.2.1) is
/// final: trying again gets the same answer, so the row fails at once and the ticket says so. A 4xx
/// reply, a dropped connection or a server that is down is passing: the row is retried with backoff.
/// A 5xx to our own sender address or sign-in is our configuration, not the subscriber's address, and
/// is retried too, so that mail waits while an administrator fixes the mailbox.
/// </summary>
internal sealed record SmtpFailure(string Text, bool Permanent)
{
    public static SmtpFailure Of(Exception error) => error switch
    {
        SmtpCommandException { ErrorCode: not SmtpErrorCode.SenderNotAccepted } command when (int)command.StatusCode >= 500 =>
            new(Describe(command), Permanent: true),
        SmtpCommandException command => new(Describe(command), Permanent: false),
        _ => new(error.Message, Permanent: false),
    };

    private static string Describe(SmtpCommandException command) =>
        string.Create(CultureInfo.InvariantCulture, $"el servidor respondió {(int)command.StatusCode}: {command.Message}");
}
