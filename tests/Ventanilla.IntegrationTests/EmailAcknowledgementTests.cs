using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;
using Ventanilla.Channels.Email;
using Ventanilla.Data;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests;

/// <summary>Mail in through the real Dovecot, answers out through a real SMTP listener, in one thread.</summary>
[Collection(DovecotMailboxes.Name)]
public class EmailAcknowledgementTests
{
    private const string Contacto = "contacto@netmas.mx";

    [Theory, BothDatabases]
    public async Task NewEmailTicket_GetsOneAcknowledgement_AutoRepliedAndThreadedToOriginal(DatabaseKind database)
    {
        var (mail, smtp, app) = await StartAsync(database);
        await using var _ = smtp;
        await using var __ = app;
        var original = Mail("Sin internet", "No tengo internet desde ayer.");
        await mail.AppendAsync(original);

        await PassAsync(app);
        await OutboxMailTests.SendAsync(app);
        await OutboxMailTests.SendAsync(app);

        var ack = Assert.Single(smtp.Received);
        var folio = await app.WithDbAsync(db => db.Tickets.Select(t => t.Folio).SingleAsync());
        Assert.Equal("ana.lopez@example.com", ack.To.Mailboxes.Single().Address);
        Assert.Contains($"[Folio {folio}]", ack.Subject, StringComparison.Ordinal);
        Assert.Contains(folio, ack.TextBody, StringComparison.Ordinal);
        Assert.Equal("auto-replied", ack.Headers["Auto-Submitted"]);
        Assert.Equal("All", ack.Headers["X-Auto-Response-Suppress"]);
        Assert.Equal(original.MessageId, ack.InReplyTo);
        Assert.Contains(original.MessageId, ack.References);
    }

    [Fact]
    public async Task ReplyToEmailTicket_IsThreadedToSubscribersEmail()
    {
        var (mail, smtp, app) = await StartAsync(DatabaseKind.Sqlite);
        await using var _ = smtp;
        await using var __ = app;
        var original = Mail("Cobro doble", "Me cobraron dos veces.");
        await mail.AppendAsync(original);
        await PassAsync(app);
        await OutboxMailTests.SendAsync(app);

        await app.WithDbAsync(async db =>
        {
            var ticket = await db.Tickets.Include(t => t.Subscriber).SingleAsync();
            db.Outbox.Add(Replies.Send(ticket, "Ya aplicamos la devolución.", Actor.System, app.Now)!);
            return await db.SaveChangesAsync();
        });
        await OutboxMailTests.SendAsync(app);

        var reply = smtp.Received.Single(m => m.TextBody?.Contains("devolución", StringComparison.Ordinal) == true);
        Assert.Equal(original.MessageId, reply.InReplyTo);
        Assert.Contains(original.MessageId, reply.References);
        Assert.Null(reply.Headers["Auto-Submitted"]);
    }

    [Fact]
    public async Task OwnAcknowledgementComingBack_OpensNothing()
    {
        var (mail, smtp, app) = await StartAsync(DatabaseKind.Sqlite);
        await using var _ = smtp;
        await using var __ = app;
        await mail.AppendAsync(Mail("Módem apagado", "El módem no enciende."));
        await PassAsync(app);
        await OutboxMailTests.SendAsync(app);

        await mail.AppendAsync(Assert.Single(smtp.Received));
        await PassAsync(app);
        await OutboxMailTests.SendAsync(app);

        Assert.Equal(1, await app.WithDbAsync(db => db.Tickets.CountAsync()));
        var ticket = await app.WithDbAsync(db => db.Tickets.Include(t => t.Timeline).SingleAsync());
        Assert.Single(ticket.Timeline, e => e.Type == TimelineEntryType.MessageIn || e.Type == TimelineEntryType.Created);
        Assert.Single(smtp.Received);
    }

    [Fact]
    public async Task AnswerToOurAcknowledgement_WithoutFolio_JoinsTheTicket()
    {
        var (mail, smtp, app) = await StartAsync(DatabaseKind.Sqlite);
        await using var _ = smtp;
        await using var __ = app;
        await mail.AppendAsync(Mail("Sin señal", "No tengo señal."));
        await PassAsync(app);
        await OutboxMailTests.SendAsync(app);
        // Only the Message-ID we sent links this answer: no folio in the subject, a new id of its own.
        var answer = Mail("Gracias", "Sigo sin señal hoy.");
        answer.InReplyTo = Assert.Single(smtp.Received).MessageId;

        await mail.AppendAsync(answer);
        await PassAsync(app);

        Assert.Equal(1, await app.WithDbAsync(db => db.Tickets.CountAsync()));
        var ticket = await app.WithDbAsync(db => db.Tickets.Include(t => t.Timeline).SingleAsync());
        Assert.Contains(ticket.Timeline, e => e.Type == TimelineEntryType.MessageIn && e.Body!.Contains("Sigo sin señal", StringComparison.Ordinal));
    }

    private static async Task<(TestMailServer Mail, TestSmtpServer Smtp, VentanillaApp App)> StartAsync(DatabaseKind database)
    {
        var mail = await TestMailServer.MailboxAsync(Contacto);
        var smtp = TestSmtpServer.Start();
        var settings = new Dictionary<string, string?>(mail.Settings());
        foreach (var (key, value) in TestSmtpServer.Settings(smtp.Port, Contacto).Where(s => s.Key.Contains(":Smtp:", StringComparison.Ordinal) || s.Key.EndsWith("MessageIdDomain", StringComparison.Ordinal)))
        {
            settings[key] = value;
        }

        return (mail, smtp, await VentanillaApp.StartAsync(database, settings));
    }

    private static async Task PassAsync(VentanillaApp app)
    {
        await app.Services.GetServices<IHostedService>().OfType<MailboxPoller>().Single().PollOnceAsync(CancellationToken.None);
        await app.Services.GetRequiredService<InboxProcessor>().ProcessPendingAsync(CancellationToken.None);
    }

    private static MimeMessage Mail(string subject, string text) => new(
        [new MailboxAddress("Ana López", "ana.lopez@example.com")],
        [new MailboxAddress("Net+", Contacto)],
        subject,
        new TextPart("plain") { Text = text })
    { MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("example.com") };
}
