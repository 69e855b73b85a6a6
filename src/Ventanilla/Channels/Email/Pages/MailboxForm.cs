using System.Globalization;
using Ventanilla.Subscribers;
using Ventanilla.Web;

namespace Ventanilla.Channels.Email.Pages;

/// <summary>The mailbox form as posted. Passwords come in only when typed: an empty one keeps what is stored.</summary>
public sealed class MailboxForm
{
    public string? Address { get; set; }
    public string? ImapHost { get; set; }
    public string? ImapPort { get; set; }
    public string? ImapSecurity { get; set; }
    public string? ImapUsername { get; set; }
    public string? ImapPassword { get; set; }
    public string? SmtpHost { get; set; }
    public string? SmtpPort { get; set; }
    public string? SmtpSecurity { get; set; }
    public string? SmtpUsername { get; set; }
    public string? SmtpPassword { get; set; }
    public string? PollSeconds { get; set; }
    public string? AreaCode { get; set; }
    // False unless posted: an unchecked box sends nothing.
    public bool Enabled { get; set; }

    public static MailboxForm From(Mailbox row) => new()
    {
        Address = row.Address,
        ImapHost = row.Imap.Host,
        ImapPort = Number(row.Imap.Port),
        ImapSecurity = Wire.Name(row.Imap.Security),
        ImapUsername = row.Imap.Username,
        SmtpHost = row.Smtp.Host,
        SmtpPort = row.Smtp.IsConfigured ? Number(row.Smtp.Port) : null,
        SmtpSecurity = Wire.Name(row.Smtp.Security),
        SmtpUsername = row.Smtp.Username,
        PollSeconds = Number(row.PollSeconds),
        AreaCode = row.AreaCode,
        Enabled = row.Enabled,
    };

    /// <summary>
    /// The settings, or null with the problems noted. <paramref name="stored"/> is the mailbox being
    /// edited (null when new): a password it already has need not be typed again.
    /// </summary>
    public MailboxSettings? Check(FieldErrors errors, Mailbox? stored, IReadOnlyCollection<string> areaCodes)
    {
        var imap = Server(errors, "imap", ImapHost, ImapPort, ImapSecurity, ImapUsername, required: true);
        if (string.IsNullOrEmpty(ImapPassword) && (stored is null || stored.Imap.ProtectedPassword.Length == 0))
        {
            errors.Add("imapPassword", "Escribe la contraseña IMAP.");
        }
        else if (string.IsNullOrEmpty(ImapPassword) && imap is not null && Moved(stored!.Imap, imap))
        {
            errors.Add("imapPassword", HostChanged);
        }

        var smtpGiven = !string.IsNullOrWhiteSpace(SmtpHost);
        var smtp = smtpGiven ? Server(errors, "smtp", SmtpHost, SmtpPort, SmtpSecurity, SmtpUsername, required: true) : null;
        if (smtpGiven && string.IsNullOrEmpty(SmtpPassword) && (stored is null || stored.Smtp.ProtectedPassword.Length == 0))
        {
            errors.Add("smtpPassword", "Escribe la contraseña SMTP.");
        }
        else if (string.IsNullOrEmpty(SmtpPassword) && smtp is not null && Moved(stored!.Smtp, smtp))
        {
            errors.Add("smtpPassword", HostChanged);
        }

        if (!int.TryParse(PollSeconds, NumberStyles.None, CultureInfo.InvariantCulture, out var poll) || poll is < 1 or > 86_400)
        {
            errors.Add("pollSeconds", "Escribe un número de segundos entre 1 y 86400.");
        }

        var area = errors.Text("areaCode", AreaCode, 40);
        if (area is not null && !areaCodes.Contains(area))
        {
            errors.Add("areaCode", "Esa área no existe.");
        }

        if (errors.Any || imap is null)
        {
            return null;
        }

        return new MailboxSettings(imap, smtp ?? new MailServerSettings("", 0, MailSecurity.Tls, ""), poll, area, Enabled);
    }

    public const string HostChanged = "Escribe de nuevo la contraseña: cambiaste el servidor.";

    /// <summary>
    /// A saved password belongs to the server it was typed for: sent to another host it would hand the
    /// mailbox's secret to whoever runs that one, so a new host or port asks for it again.
    /// </summary>
    private static bool Moved(MailEndpoint stored, MailServerSettings posted) =>
        !string.Equals(stored.Host, posted.Host, StringComparison.OrdinalIgnoreCase) || stored.Port != posted.Port;

    /// <summary>The new mailbox's address, lower case, or null with the problem noted.</summary>
    public static string? CheckAddress(FieldErrors errors, string? address)
    {
        var normalized = EmailAddresses.Normalize(address?.Trim());
        if (normalized is null)
        {
            errors.Add("address", "Escribe una dirección de correo válida, como contacto@ejemplo.mx.");
        }

        return normalized;
    }

    private static MailServerSettings? Server(FieldErrors errors, string prefix, string? host, string? port, string? security, string? username, bool required)
    {
        var cleanHost = errors.Text(prefix + "Host", host, 253, required);
        var user = errors.Text(prefix + "Username", username, 254, required);
        var kind = errors.Enum<MailSecurity>(prefix + "Security", security);
        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65_535)
        {
            errors.Add(prefix + "Port", "Escribe un puerto entre 1 y 65535.");
            return null;
        }

        return cleanHost is null || user is null || kind is null ? null : new MailServerSettings(cleanHost, number, kind.Value, user);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
