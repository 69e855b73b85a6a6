using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ventanilla.Data;

namespace Ventanilla.Channels.Email;

/// <summary>A mailbox ready to use: its id in the table and its settings with the passwords in clear, in memory only.</summary>
public sealed record ActiveMailbox(int Id, MailboxOptions Options, DateTime UpdatedAt)
{
    public string Address => Options.Address;
}

/// <summary>One of our mailboxes as inbound mail needs it: its address, and the area code its new tickets go to.</summary>
public sealed record OwnMailbox(string Address, string? AreaCode);

/// <summary>
/// Reads the mailboxes administration keeps, and seeds them from configuration. Passwords are
/// protected with ASP.NET Data Protection, whose keys every node shares through the database.
/// </summary>
public sealed class MailboxDirectory(IDataProtectionProvider protection, IOptions<EmailOptions> options, TimeProvider clock)
{
    private readonly IDataProtector protector = protection.CreateProtector("Ventanilla.Email.MailboxPasswords");

    public string Protect(string password) => protector.Protect(password);

    public async Task<IReadOnlyList<ActiveMailbox>> EnabledAsync(VentanillaDbContext db, CancellationToken ct)
    {
        var rows = await db.Mailboxes.AsNoTracking().Where(m => m.Enabled).OrderBy(m => m.Id).ToListAsync(ct);
        return [.. rows.Select(Open)];
    }

    /// <summary>One enabled mailbox, reading only its own passwords; null when it is gone or disabled.</summary>
    public async Task<ActiveMailbox?> EnabledAsync(VentanillaDbContext db, int id, CancellationToken ct) =>
        await db.Mailboxes.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id && m.Enabled, ct) is { } row ? Open(row) : null;

    /// <summary>
    /// Every mailbox we own, enabled or not, with the area its mail goes to: mail from any of them is
    /// our own coming back.
    /// </summary>
    public static async Task<IReadOnlyList<OwnMailbox>> OwnAsync(VentanillaDbContext db, CancellationToken ct) =>
        await db.Mailboxes.AsNoTracking().Select(m => new OwnMailbox(m.Address, m.AreaCode)).ToListAsync(ct);

    public ActiveMailbox Open(Mailbox row) => new(row.Id, new MailboxOptions
    {
        Address = row.Address,
        Imap = Clear(row.Imap),
        Smtp = Clear(row.Smtp),
        PollSeconds = row.PollSeconds,
        Area = row.AreaCode,
    }, row.UpdatedAt);

    /// <summary>
    /// Adds each configured mailbox the table does not have yet. Once stored, administration owns
    /// it: a later change in configuration does not overwrite what an administrator set.
    /// </summary>
    public async Task SeedAsync(VentanillaDbContext db, CancellationToken ct)
    {
        var known = (await OwnAsync(db, ct)).Select(m => m.Address).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var configured in options.Value.Mailboxes.Where(m => !known.Contains(m.Address.Trim())))
        {
            var row = Mailbox.Create(configured.Address, now);
            row.Configure(Settings(configured), Protect(configured.Imap.Password),
                configured.Smtp.IsComplete ? Protect(configured.Smtp.Password) : null, now);
            db.Mailboxes.Add(row);
        }

        await db.SaveChangesAsync(ct);
    }

    private static MailboxSettings Settings(MailboxOptions m) => new(
        new MailServerSettings(m.Imap.Host.Trim(), m.Imap.Port, m.Imap.Security, m.Imap.Username.Trim()),
        m.Smtp.IsComplete ? new MailServerSettings(m.Smtp.Host.Trim(), m.Smtp.Port, m.Smtp.Security, m.Smtp.Username.Trim()) : new MailServerSettings("", 0, MailSecurity.Tls, ""),
        m.PollSeconds,
        string.IsNullOrWhiteSpace(m.Area) ? null : m.Area.Trim(),
        Enabled: true);

    private MailServerOptions Clear(MailEndpoint endpoint) => new()
    {
        Host = endpoint.Host,
        Port = endpoint.Port,
        Security = endpoint.Security,
        Username = endpoint.Username,
        Password = endpoint.ProtectedPassword.Length == 0 ? "" : protector.UnprotectOrEmpty(endpoint.ProtectedPassword),
    };
}
