using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Channels.Email;
using Ventanilla.Data;
using Ventanilla.Messaging;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests;

/// <summary>The outbox leaving over SMTP to a real listener, one pass at a time.</summary>
public class OutboxMailTests
{
    private const string Domain = "ventanilla.netmas.test";

    [Theory, BothDatabases]
    public async Task ReceiptOfApiTicket_IsDeliveredWithFolioTagOurMessageIdAndFolioHeader(DatabaseKind database)
    {
        await using var smtp = TestSmtpServer.Start();
        await using var app = await VentanillaApp.StartAsync(database, TestSmtpServer.Settings(smtp.Port));
        var (_, body, _) = await app.Api().PostAsync("/api/v1/tickets", Json.Fault());
        var folio = body.Str("folio");

        await SendAsync(app);

        var sent = Assert.Single(smtp.Received);
        Assert.Equal(1, CountOf(sent.Subject ?? "", $"[Folio {folio}]"));
        Assert.EndsWith("@" + Domain, sent.MessageId, StringComparison.Ordinal);
        Assert.Equal(folio, sent.Headers[MailboxContext.FolioHeader]);
        Assert.Equal("contacto@netmas.mx", sent.From.Mailboxes.Single().Address);
        Assert.Equal("auto-generated", sent.Headers["Auto-Submitted"]);
        var row = await app.WithDbAsync(db => db.Outbox.SingleAsync(m => m.Channel == ContactChannel.Email));
        Assert.Equal((OutboxState.Sent, sent.MessageId), (row.State, row.MessageId));
        Assert.NotNull(row.SentAt);
    }

    [Theory, BothDatabases]
    public async Task TemporaryRefusal_StaysPendingWithBackoff_ThenFailsWithNoteOnTicket(DatabaseKind database)
    {
        await using var smtp = TestSmtpServer.Start(SmtpAnswer.Temporary);
        // It expects the delivery note alone: at an hour the area is open, so no closed-area note joins it.
        await using var app = await VentanillaApp.StartAsync(database, TestSmtpServer.Settings(smtp.Port), TestClock.DefaultStart);
        await app.Api().PostAsync("/api/v1/tickets", Json.Fault());
        var before = app.Now;

        await SendAsync(app);

        var row = await EmailRowAsync(app);
        Assert.Equal((OutboxState.Pending, 1), (row.State, row.Attempts));
        Assert.Contains("451", row.LastError, StringComparison.Ordinal);
        Assert.True(row.NextAttemptAt >= before.AddSeconds(50), $"next attempt {row.NextAttemptAt:O}, first try {before:O}");

        for (var attempt = 2; attempt <= OutboxMessage.MaxAttempts; attempt++)
        {
            await DueNowAsync(app);
            await SendAsync(app);
        }

        row = await EmailRowAsync(app);
        Assert.Equal((OutboxState.Failed, OutboxMessage.MaxAttempts), (row.State, row.Attempts));
        var notes = await app.WithDbAsync(db => db.Tickets.SelectMany(t => t.Timeline).Where(e => e.Type == TimelineEntryType.Note).ToListAsync());
        Assert.Contains(row.Recipient, Assert.Single(notes).Body, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task PermanentRefusal_FailsAtOnce_WithNoteOnTicketAndCountOnMailbox(DatabaseKind database)
    {
        await using var smtp = TestSmtpServer.Start(SmtpAnswer.Permanent);
        // It expects the delivery note alone: at an hour the area is open, so no closed-area note joins it.
        await using var app = await VentanillaApp.StartAsync(database, TestSmtpServer.Settings(smtp.Port), TestClock.DefaultStart);
        await app.Api().PostAsync("/api/v1/tickets", Json.Fault());

        await SendAsync(app);

        var row = await EmailRowAsync(app);
        Assert.Equal((OutboxState.Failed, 1), (row.State, row.Attempts));
        Assert.Contains("550", row.LastError, StringComparison.Ordinal);
        var notes = await app.WithDbAsync(db => db.Tickets.SelectMany(t => t.Timeline).Where(e => e.Type == TimelineEntryType.Note).ToListAsync());
        var note = Assert.Single(notes).Body;
        Assert.Contains(row.Recipient, note, StringComparison.Ordinal);
        Assert.Contains("550", note, StringComparison.Ordinal);
        var mailbox = await app.WithDbAsync(db => db.Mailboxes.SingleAsync());
        Assert.Equal((0, 1), (mailbox.SentCount, mailbox.FailedCount));
        // Nothing is left to retry: a later pass does not knock on the server again.
        Assert.Equal(0, await app.Services.GetRequiredService<OutboxMailSender>().SendDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ServerDown_LeavesRowPendingWithErrorAndLaterAttempt()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite, TestSmtpServer.Settings(TestSmtpServer.FreePort()));
        await app.Api().PostAsync("/api/v1/tickets", Json.Fault());

        await SendAsync(app);

        var row = await EmailRowAsync(app);
        Assert.Equal((OutboxState.Pending, 1), (row.State, row.Attempts));
        Assert.False(string.IsNullOrEmpty(row.LastError));
        Assert.True(row.NextAttemptAt > app.Now);
        var mailbox = await app.WithDbAsync(db => db.Mailboxes.SingleAsync());
        Assert.StartsWith("SMTP:", mailbox.LastError, StringComparison.Ordinal);
        Assert.NotNull(mailbox.LastErrorAt);
    }

    internal static async Task SendAsync(VentanillaApp app) =>
        await app.Services.GetRequiredService<OutboxMailSender>().SendDueAsync(CancellationToken.None);

    private static Task<OutboxMessage> EmailRowAsync(VentanillaApp app) =>
        app.WithDbAsync(db => db.Outbox.SingleAsync(m => m.Channel == ContactChannel.Email));

    // Stands in for the minutes of backoff passing.
    private static Task<int> DueNowAsync(VentanillaApp app) =>
        app.WithDbAsync(db => db.Outbox.ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, app.Now.AddSeconds(-1))));

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
