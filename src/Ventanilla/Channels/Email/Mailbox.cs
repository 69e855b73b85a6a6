namespace Ventanilla.Channels.Email;

/// <summary>
/// One of the provider's mailboxes, as administration keeps it: where to read and send, with the
/// passwords protected (never stored or shown in clear), and what happened on its last poll.
/// </summary>
public sealed partial class Mailbox
{
    public const int ErrorLimit = 1000;

    private Mailbox()
    {
    }

    public int Id { get; private set; }

    /// <summary>The address subscribers write to, lower case; it names the mailbox everywhere.</summary>
    public string Address { get; private set; } = "";

    public MailEndpoint Imap { get; private set; } = new();

    /// <summary>Where this mailbox sends from; empty host when it only reads (another one sends).</summary>
    public MailEndpoint Smtp { get; private set; } = new();

    public int PollSeconds { get; private set; } = 30;

    /// <summary>The code of the area new tickets from this mailbox go to, if any.</summary>
    public string? AreaCode { get; private set; }

    /// <summary>A mailbox switched off is neither read nor used to send; its history stays.</summary>
    public bool Enabled { get; private set; } = true;

    public DateTime? LastPollAt { get; private set; }

    public DateTime? LastErrorAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>How many emails left through this mailbox, and how many were given up on.</summary>
    public int SentCount { get; private set; }

    public int FailedCount { get; private set; }

    /// <summary>The node that reads this mailbox now, and until when its claim holds (see docs/email.md).</summary>
    public string? LeaseOwner { get; private set; }

    public DateTime? LeaseUntil { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public static Mailbox Create(string address, DateTime now) => new()
    {
        Address = address.Trim().ToLowerInvariant(),
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Replaces the settings; a null password keeps the one stored (the form never shows it back).</summary>
    public void Configure(MailboxSettings settings, string? protectedImapPassword, string? protectedSmtpPassword, DateTime now)
    {
        Imap = settings.Imap.Endpoint(protectedImapPassword ?? Imap.ProtectedPassword);
        Smtp = settings.Smtp.Host.Length == 0 ? new MailEndpoint() : settings.Smtp.Endpoint(protectedSmtpPassword ?? Smtp.ProtectedPassword);
        PollSeconds = settings.PollSeconds;
        AreaCode = settings.AreaCode;
        Enabled = settings.Enabled;
        UpdatedAt = now;
    }
}

/// <summary>An IMAP or SMTP server as stored; the password only in its protected form.</summary>
public sealed record MailEndpoint
{
    public string Host { get; init; } = "";

    public int Port { get; init; }

    public MailSecurity Security { get; init; } = MailSecurity.Tls;

    public string Username { get; init; } = "";

    public string ProtectedPassword { get; init; } = "";

    public bool IsConfigured => Host.Length > 0;
}

/// <summary>What an administrator (or configuration) sets on a mailbox, passwords apart.</summary>
public sealed record MailboxSettings(MailServerSettings Imap, MailServerSettings Smtp, int PollSeconds, string? AreaCode, bool Enabled);

public sealed record MailServerSettings(string Host, int Port, MailSecurity Security, string Username)
{
    internal MailEndpoint Endpoint(string protectedPassword) =>
        new() { Host = Host, Port = Port, Security = Security, Username = Username, ProtectedPassword = protectedPassword };
}
