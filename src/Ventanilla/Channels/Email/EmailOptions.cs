namespace Ventanilla.Channels.Email;

public enum MailSecurity { None, StartTls, Tls }

/// <summary>
/// The email channel's settings. <see cref="Mailboxes"/> seeds the mailboxes table the first time each
/// address is seen; from then on administration (/admin/correo) owns them.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public List<MailboxOptions> Mailboxes { get; set; } = [];

    /// <summary>The right-hand side of the Message-IDs we generate: ours alone, so our own mail coming back is recognised.</summary>
    public string MessageIdDomain { get; set; } = "ventanilla.invalid";

    /// <summary>
    /// Whether pollers and the processor run on their own timers. Tests turn this off and drive each
    /// pass themselves, so that no timer races the assertions.
    /// </summary>
    public bool RunInBackground { get; set; } = true;

    /// <summary>
    /// At most this many acknowledgements go to one address in 24 hours, counted from the outbox:
    /// two robots answering each other stop here even when neither marks its mail as automatic.
    /// </summary>
    public int AutoReplyDailyCap { get; set; } = 5;
}

public sealed class MailboxOptions
{
    public string Address { get; set; } = "";

    public MailServerOptions Imap { get; set; } = new();

    public MailServerOptions Smtp { get; set; } = new();

    public int PollSeconds { get; set; } = 30;

    /// <summary>The area code that new tickets from this mailbox go to, if any.</summary>
    public string? Area { get; set; }
}

public sealed class MailServerOptions
{
    public string Host { get; set; } = "";

    public int Port { get; set; }

    public MailSecurity Security { get; set; } = MailSecurity.Tls;

    public string Username { get; set; } = "";

    public string Password { get; set; } = "";

    public bool IsComplete => Host.Length > 0 && Port is > 0 and <= 65_535 && Username.Length > 0 && Password.Length > 0;
}
