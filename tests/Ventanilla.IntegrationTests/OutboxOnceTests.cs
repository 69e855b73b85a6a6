using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Channels.Email;
using Ventanilla.Data;
using Ventanilla.Messaging;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests;

/// <summary>
/// An outbox email goes out at most once across a crash: one Message-ID per row for every attempt,
/// an attempt committed before the SMTP send, and a row left mid-send held for staff instead of resent.
/// </summary>
public class OutboxOnceTests
{
    private const string Domain = "ventanilla.netmas.test";

    // The default Messaging:ClaimLease.
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(30);

    [Theory, BothDatabases]
    public async Task MessageId_IsChosenWhenTheRowIsWritten_AndIsTheSameOnEveryAttempt(DatabaseKind database)
    {
        await using var smtp = TestSmtpServer.Start(SmtpAnswer.Temporary);
        await using var app = await VentanillaApp.StartAsync(database, TestSmtpServer.Settings(smtp.Port));
        await app.Api().PostAsync("/api/v1/tickets", Json.Fault());
        var queued = await EmailRowAsync(app);
        Assert.NotNull(queued.MessageToken);
        var expected = $"{queued.MessageToken}@{Domain}";

        await SendAsync(app);
        var afterRefusal = await EmailRowAsync(app);
        smtp.Answer = SmtpAnswer.Accept;
        await DueNowAsync(app);
        await SendAsync(app);

        Assert.Equal((OutboxState.Pending, 1), (afterRefusal.State, afterRefusal.Attempts));
        Assert.Equal([expected, expected], smtp.Offered.Select(m => m.MessageId));
        var sent = await EmailRowAsync(app);
        Assert.Equal((OutboxState.Sent, expected), (sent.State, sent.MessageId));
        Assert.Equal(expected, Assert.Single(smtp.Received).MessageId);
    }

    [Theory, BothDatabases]
    public async Task CrashAfterTheServerAccepted_LeavesTheRowSending_ThenUncertainAfterTheLease_NeverResentByItself(DatabaseKind database)
    {
        await using var smtp = TestSmtpServer.Start();
        await using var app = await VentanillaApp.StartAsync(database, TestSmtpServer.Settings(smtp.Port));
        await app.Api().PostAsync("/api/v1/tickets", Json.Fault());
        var sender = app.Services.GetRequiredService<OutboxMailSender>();
        using var crash = new CancellationTokenSource();
        // The process dies the moment the server has the message, before the row records it.
        sender.AfterAccepted = async (_, _) =>
        {
            await crash.CancelAsync();
            crash.Token.ThrowIfCancellationRequested();
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sender.SendDueAsync(crash.Token));
        sender.AfterAccepted = null;
        var leftBehind = await EmailRowAsync(app);
        await SendAsync(app);
        var insideLease = await EmailRowAsync(app);
        app.Clock.Advance(Lease + TimeSpan.FromSeconds(1));
        await SendAsync(app);
        await DueNowAsync(app);
        await SendAsync(app);

        var delivered = Assert.Single(smtp.Received);
        Assert.Equal(OutboxState.Sending, leftBehind.State);
        Assert.Equal(MailThreading.Normalize(delivered.MessageId), leftBehind.MessageId);
        Assert.Equal(OutboxState.Sending, insideLease.State);
        var settled = await EmailRowAsync(app);
        Assert.Equal((OutboxState.Uncertain, leftBehind.MessageId), (settled.State, settled.MessageId));
    }

    [Theory, BothDatabases]
    public async Task RowLeftSendingByADeadNode_ShowsUncertainOnTheOutboxPage_AndAStaffRetrySendsTheSameMessageId(DatabaseKind database)
    {
        await using var smtp = TestSmtpServer.Start();
        await using var app = await VentanillaApp.StartAsync(database, TestSmtpServer.Settings(smtp.Port));
        await app.Api().PostAsync("/api/v1/tickets", Json.Fault());
        var row = await EmailRowAsync(app);
        var messageId = $"{row.MessageToken}@{Domain}";
        // What a node that died mid-send leaves behind.
        await app.WithDbAsync(db => db.Outbox.Where(m => m.Id == row.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.State, OutboxState.Sending)
            .SetProperty(m => m.SendingAt, app.Now)
            .SetProperty(m => m.MessageId, messageId)));

        app.Clock.Advance(Lease - TimeSpan.FromSeconds(5));
        await SendAsync(app);
        var insideLease = await EmailRowAsync(app);
        app.Clock.Advance(TimeSpan.FromSeconds(10));
        await SendAsync(app);
        var afterLease = await EmailRowAsync(app);
        using var admin = await ConsoleClient.SignInAsync(app);
        var page = await admin.GetPageAsync("/admin/salida");
        var retried = await admin.PostFormAsync("/admin/salida", "salida", new() { ["Choice.Retry"] = $"{row.Id}" });
        await SendAsync(app);

        Assert.Equal(OutboxState.Sending, insideLease.State);
        Assert.Equal(OutboxState.Uncertain, afterLease.State);
        Assert.Contains("incierto: pudo haberse enviado", page, StringComparison.Ordinal);
        Assert.Contains("Mensajes inciertos (pudieron haberse enviado): 1.", page, StringComparison.Ordinal);
        Assert.Equal("/admin/salida?aviso=reintento", ConsoleClient.Location(retried));
        Assert.Equal(messageId, Assert.Single(smtp.Received).MessageId);
        Assert.Equal((OutboxState.Sent, messageId), ((await EmailRowAsync(app)).State, (await EmailRowAsync(app)).MessageId));
    }

    [Theory, BothDatabases]
    public async Task RowWithoutAToken_GetsOneSavedBeforeItsFirstAttempt(DatabaseKind database)
    {
        await using var smtp = TestSmtpServer.Start(SmtpAnswer.Temporary);
        await using var app = await VentanillaApp.StartAsync(database, TestSmtpServer.Settings(smtp.Port));
        await app.Api().PostAsync("/api/v1/tickets", Json.Fault());
        // A row written before tokens existed.
        await app.WithDbAsync(db => db.Outbox.ExecuteUpdateAsync(s => s.SetProperty(m => m.MessageToken, (string?)null)));

        await SendAsync(app);

        var row = await EmailRowAsync(app);
        Assert.NotNull(row.MessageToken);
        Assert.Equal($"{row.MessageToken}@{Domain}", Assert.Single(smtp.Offered).MessageId);
    }

    private static async Task SendAsync(VentanillaApp app) =>
        await app.Services.GetRequiredService<OutboxMailSender>().SendDueAsync(CancellationToken.None);

    private static Task<OutboxMessage> EmailRowAsync(VentanillaApp app) =>
        app.WithDbAsync(db => db.Outbox.AsNoTracking().SingleAsync(m => m.Channel == ContactChannel.Email));

    // Stands in for the minutes of backoff passing.
    private static Task<int> DueNowAsync(VentanillaApp app) =>
        app.WithDbAsync(db => db.Outbox.Where(m => m.State == OutboxState.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, app.Now.AddSeconds(-1))));
}
