using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Ventanilla.Channels.Email;
using Ventanilla.Data;

namespace Ventanilla.IntegrationTests;

/// <summary>Mailboxes as the database keeps them: seeding, protected passwords, poll state, leases, IDLE.</summary>
[Collection(DovecotMailboxes.Name)]
public class EmailMailboxTests
{
    private const string Contacto = "contacto@netmas.mx";

    [Theory, BothDatabases]
    public async Task A_configured_mailbox_is_seeded_with_protected_passwords_and_records_its_poll(DatabaseKind database)
    {
        var mail = await TestMailServer.MailboxAsync(Contacto);
        await using var app = await VentanillaApp.StartAsync(database, mail.Settings());
        await mail.AppendAsync(EmailMessages.From("ana.lopez@example.com", "Sin internet", "No tengo internet."));

        await EmailMessages.PassAsync(app);

        var row = await app.WithDbAsync(db => db.Mailboxes.AsNoTracking().SingleAsync());
        Assert.Equal(Contacto, row.Address);
        Assert.DoesNotContain(mail.Password, row.Imap.ProtectedPassword, StringComparison.Ordinal);
        var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Ventanilla.Email.MailboxPasswords");
        Assert.Equal(mail.Password, protector.Unprotect(row.Imap.ProtectedPassword));
        Assert.NotNull(row.LastPollAt);
        Assert.Null(row.LastError);
    }

    [Fact]
    public async Task An_unreachable_mailbox_shows_its_error_and_the_other_keeps_working()
    {
        var mail = await TestMailServer.MailboxAsync(Contacto);
        var settings = new Dictionary<string, string?>(mail.Settings())
        {
            ["Email:Mailboxes:1:Address"] = "notificaciones@netmas.com",
            ["Email:Mailboxes:1:Imap:Host"] = "127.0.0.1",
            ["Email:Mailboxes:1:Imap:Port"] = TestSmtpServer.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Mailboxes:1:Imap:Security"] = "None",
            ["Email:Mailboxes:1:Imap:Username"] = "notificaciones@netmas.com",
            ["Email:Mailboxes:1:Imap:Password"] = "no-importa",
        };
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite, settings);
        await mail.AppendAsync(EmailMessages.From("ana.lopez@example.com", "Sin señal", "No tengo señal."));

        var stored = await EmailMessages.Poller(app).PollOnceAsync(CancellationToken.None);

        Assert.Equal(1, stored);
        var rows = await app.WithDbAsync(db => db.Mailboxes.AsNoTracking().OrderBy(m => m.Id).ToListAsync());
        Assert.Null(rows[0].LastError);
        Assert.NotNull(rows[0].LastPollAt);
        Assert.StartsWith("IMAP:", rows[1].LastError, StringComparison.Ordinal);
        Assert.NotNull(rows[1].LastErrorAt);
        Assert.Null(rows[1].LastPollAt);
    }

    [Theory, BothDatabases]
    public async Task A_mailbox_leased_by_another_node_is_left_alone_until_the_lease_expires(DatabaseKind database)
    {
        var mail = await TestMailServer.MailboxAsync(Contacto);
        await using var app = await VentanillaApp.StartAsync(database, mail.Settings());
        var uid = await mail.AppendAsync(EmailMessages.From("ana.lopez@example.com", "Sin señal", "No tengo señal."));
        await app.WithDbAsync(db => db.Mailboxes.ExecuteUpdateAsync(set => set
            .SetProperty(m => m.LeaseOwner, "otro-nodo").SetProperty(m => m.LeaseUntil, app.Now.AddMinutes(5))));

        var whileHeld = await EmailMessages.Poller(app).PollOnceAsync(CancellationToken.None);

        Assert.Equal(0, whileHeld);
        Assert.False(await mail.IsSeenAsync(uid));
        Assert.Equal(0, await app.WithDbAsync(db => db.Inbox.CountAsync()));

        // The other node died: its lease runs out and this node takes the mailbox over.
        await app.WithDbAsync(db => db.Mailboxes.ExecuteUpdateAsync(set => set.SetProperty(m => m.LeaseUntil, app.Now.AddSeconds(-1))));
        var afterExpiry = await EmailMessages.Poller(app).PollOnceAsync(CancellationToken.None);

        Assert.Equal(1, afterExpiry);
        var owner = await app.WithDbAsync(db => db.Mailboxes.Select(m => m.LeaseOwner).SingleAsync());
        Assert.Equal(EmailMessages.Poller(app).Node, owner);
    }

    [Fact]
    public async Task New_mail_arrives_through_IDLE_without_waiting_for_the_poll_interval()
    {
        var mail = await TestMailServer.MailboxAsync(Contacto);
        var settings = new Dictionary<string, string?>(mail.Settings()) { ["Email:Mailboxes:0:PollSeconds"] = "3600" };
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite, settings);
        var poller = EmailMessages.Poller(app);
        var id = await app.WithDbAsync(db => db.Mailboxes.Select(m => m.Id).SingleAsync());
        using var stop = new CancellationTokenSource();
        var watching = poller.WatchAsync(id, stop.Token);
        await EmailMessages.WaitForAsync(app, db => db.Mailboxes.AnyAsync(m => m.LastPollAt != null), "the first pass");

        await mail.AppendAsync(EmailMessages.From("ana.lopez@example.com", "Sin internet", "Se fue el internet."));

        // An hour between polls and a minute between idle cycles: only the server's announcement brings it this soon.
        await EmailMessages.WaitForAsync(app, db => db.Inbox.AnyAsync(), "the message announced during IDLE", TimeSpan.FromSeconds(20));
        Assert.Equal(poller.Node, await app.WithDbAsync(db => db.Mailboxes.Select(m => m.LeaseOwner).SingleAsync()));
        await stop.CancelAsync();
        await watching;
        // Given back on the way out, so another node need not wait for it to expire.
        Assert.Null(await app.WithDbAsync(db => db.Mailboxes.Select(m => m.LeaseOwner).SingleAsync()));
    }
}

/// <summary>What the email tests share: messages as subscribers write them, and one pass of the workers.</summary>
internal static class EmailMessages
{
    public static MimeMessage From(string sender, string subject, string text) => new(
        [new MailboxAddress("Ana López", sender)],
        [new MailboxAddress("Net+", "contacto@netmas.mx")],
        subject,
        new TextPart("plain") { Text = text })
    { MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("example.com") };

    public static MailboxPoller Poller(VentanillaApp app) => app.Services.GetRequiredService<MailboxPoller>();

    public static async Task PassAsync(VentanillaApp app)
    {
        await Poller(app).PollOnceAsync(CancellationToken.None);
        await app.Services.GetRequiredService<InboxProcessor>().ProcessPendingAsync(CancellationToken.None);
    }

    public static Task<int> SendAsync(VentanillaApp app) =>
        app.Services.GetRequiredService<OutboxMailSender>().SendDueAsync(CancellationToken.None);

    /// <summary>Mailbox 0 reads the test Dovecot and sends through the test SMTP listener.</summary>
    public static Dictionary<string, string?> Settings(TestMailServer mail, TestSmtpServer smtp)
    {
        var settings = new Dictionary<string, string?>(mail.Settings());
        foreach (var (key, value) in TestSmtpServer.Settings(smtp.Port, mail.User)
                     .Where(s => s.Key.Contains(":Smtp:", StringComparison.Ordinal) || s.Key.EndsWith("MessageIdDomain", StringComparison.Ordinal)))
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Waits (boundedly) for something the background work makes true.</summary>
    public static async Task WaitForAsync(VentanillaApp app, Func<VentanillaDbContext, Task<bool>> condition, string what, TimeSpan? limit = null)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await app.WithDbAsync(condition))
        {
            Assert.True(waited.Elapsed < (limit ?? TimeSpan.FromSeconds(30)), $"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }
}
