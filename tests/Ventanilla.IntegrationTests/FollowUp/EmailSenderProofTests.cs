using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;
using Ventanilla.Channels.Email;
using Ventanilla.Data;
using Ventanilla.Messaging;
using Ventanilla.Tickets;
using static Ventanilla.IntegrationTests.FollowUp.FollowUpFlow;

namespace Ventanilla.IntegrationTests.FollowUp;

/// <summary>
/// Naming a folio proves nothing: only mail from the folio's own addresses, or answering what we
/// sent to that address, speaks for it. Real Dovecot in, real SMTP listener out.
/// </summary>
[Collection(DovecotMailboxes.Name)]
public class EmailSenderProofTests
{
    private const string Contacto = "contacto@netmas.mx";
    private const string Juan = "juan@example.mx";
    private const string Stranger = "extrano@example.net";

    [Theory, BothDatabases]
    public async Task A_strangers_tagged_confirmation_leaves_the_folio_notified_with_an_unverified_sender_note(DatabaseKind database)
    {
        var (mail, smtp, app) = await StartAsync(database);
        await using var _ = smtp;
        await using var __ = app;
        var folio = await NotifiedFaultAsync(app);

        await mail.AppendAsync(Mail(Stranger, $"RE: [Folio {folio}] ¿quedó resuelto?", "Sí, ya funciona. Gracias."));
        await PassAsync(app);

        var ticket = await TicketAsync(app);
        Assert.Equal((TicketStatus.Notified, (SubscriberConfirmation?)null), (ticket.Status, ticket.Confirmation));
        var note = Assert.Single(ticket.Timeline, Unverified);
        Assert.StartsWith($"Remitente no verificado: correo de {Stranger}", note.Body, StringComparison.Ordinal);
        Assert.Contains("Sí, ya funciona. Gracias.", note.Body, StringComparison.Ordinal);
        // Never as the subscriber's words: the portal shows those to the subscriber.
        Assert.DoesNotContain(ticket.Timeline, e => e.Type == TimelineEntryType.MessageIn);
    }

    [Theory, BothDatabases]
    public async Task The_contacts_same_mail_closes_the_folio_whatever_the_case_of_the_address(DatabaseKind database)
    {
        var (mail, smtp, app) = await StartAsync(database);
        await using var _ = smtp;
        await using var __ = app;
        var folio = await NotifiedFaultAsync(app);

        await mail.AppendAsync(Mail("Juan@Example.MX", $"RE: [Folio {folio}] ¿quedó resuelto?", "Sí, ya funciona. Gracias."));
        await PassAsync(app);

        var ticket = await TicketAsync(app);
        Assert.Equal((TicketStatus.Closed, SubscriberConfirmation.Confirmed), (ticket.Status, ticket.Confirmation));
        Assert.DoesNotContain(ticket.Timeline, Unverified);
    }

    [Theory, BothDatabases]
    public async Task Another_email_of_the_linked_subscriber_closes_the_folio(DatabaseKind database)
    {
        var (mail, smtp, app) = await StartAsync(database);
        await using var _ = smtp;
        await using var __ = app;
        var folio = await NotifiedFaultAsync(app);
        var client = app.Api();
        var subscriber = (await client.PostAsync("/api/v1/subscribers", new { name = "Juan Pérez", emails = new[] { "juan.trabajo@example.mx" } })).Body.GetProperty("id").GetInt64();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.PostAsync($"/api/v1/tickets/{folio}/subscriber", new { subscriberId = subscriber })).Status);

        await mail.AppendAsync(Mail("juan.trabajo@example.mx", $"RE: [Folio {folio}] ¿quedó resuelto?", "Sí, ya funciona."));
        await PassAsync(app);

        Assert.Equal(TicketStatus.Closed, (await TicketAsync(app)).Status);
    }

    [Theory, BothDatabases]
    public async Task A_reply_threaded_to_a_message_we_sent_to_one_address_but_sent_from_another_is_unverified(DatabaseKind database)
    {
        var (mail, smtp, app) = await StartAsync(database);
        await using var _ = smtp;
        await using var __ = app;
        await NotifiedFaultAsync(app);
        var notice = await NoticeMessageIdAsync(app, smtp);

        var reply = Mail(Stranger, "RE: ¿quedó resuelto?", "No, sigue igual.");
        reply.InReplyTo = notice;
        reply.References.Add(notice);
        await mail.AppendAsync(reply);
        await PassAsync(app);

        var ticket = await TicketAsync(app);
        Assert.Equal(TicketStatus.Notified, ticket.Status);
        Assert.Contains(ticket.Timeline, Unverified);
        Assert.Equal(ticket.Id, await app.WithDbAsync(db => db.Inbox.Select(m => m.TicketId).SingleAsync()));
    }

    [Theory, BothDatabases]
    public async Task The_same_threaded_reply_from_the_address_we_sent_to_reopens_the_folio(DatabaseKind database)
    {
        var (mail, smtp, app) = await StartAsync(database);
        await using var _ = smtp;
        await using var __ = app;
        await NotifiedFaultAsync(app);
        var notice = await NoticeMessageIdAsync(app, smtp);

        var reply = Mail(Juan, "RE: ¿quedó resuelto?", "No, sigue igual.");
        reply.InReplyTo = notice;
        await mail.AppendAsync(reply);
        await PassAsync(app);

        Assert.Equal(TicketStatus.Reopened, (await TicketAsync(app)).Status);
    }

    [Fact]
    public async Task A_strangers_files_are_not_added_to_the_folio()
    {
        var (mail, smtp, app) = await StartAsync(DatabaseKind.Sqlite);
        await using var _ = smtp;
        await using var __ = app;
        var folio = await NotifiedFaultAsync(app);
        var body = new Multipart("mixed")
        {
            new TextPart("plain") { Text = "Les mando la foto." },
            new MimePart("image", "png") { Content = new MimeContent(new MemoryStream([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])), FileName = "foto.png" },
        };
        await mail.AppendAsync(new MimeMessage([new MailboxAddress("", Stranger)], [new MailboxAddress("Netmas", Contacto)], $"[Folio {folio}]", body)
        { MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("example.net") });
        await PassAsync(app);

        Assert.Equal(0, await app.WithDbAsync(db => db.Attachments.CountAsync()));
        var note = Assert.Single((await TicketAsync(app)).Timeline, Unverified).Body;
        Assert.Contains("Traía 1 archivo(s) adjunto(s), que no se agregaron al folio.", note, StringComparison.Ordinal);
    }

    private static async Task<string> NotifiedFaultAsync(VentanillaApp app)
    {
        var client = app.Api();
        var folio = await ResolvedFaultAsync(client);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.PostAsync($"/api/v1/tickets/{folio}/notice", new { })).Status);
        return folio;
    }

    /// <summary>Sends the outbox and answers the Message-ID the closing notice left with.</summary>
    private static async Task<string> NoticeMessageIdAsync(VentanillaApp app, TestSmtpServer smtp)
    {
        await app.Services.GetRequiredService<OutboxMailSender>().SendDueAsync(CancellationToken.None);
        var row = await app.WithDbAsync(db => db.Outbox.SingleAsync(m => m.Channel == ContactChannel.Email && m.Event == "resolved"));
        Assert.Equal((OutboxState.Sent, Juan), (row.State, row.Recipient));
        Assert.Contains(smtp.Received, m => m.MessageId == row.MessageId);
        return row.MessageId!;
    }

    private static bool Unverified(TimelineEntry e) =>
        e.Type == TimelineEntryType.Note && e.Body!.StartsWith("Remitente no verificado", StringComparison.Ordinal);

    private static Task<Ticket> TicketAsync(VentanillaApp app) => app.WithDbAsync(db => db.Tickets.Include(t => t.Timeline).SingleAsync());

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

    private static MimeMessage Mail(string from, string subject, string text) => new(
        [new MailboxAddress("", from)],
        [new MailboxAddress("Netmas", Contacto)],
        subject,
        new TextPart("plain") { Text = text })
    { MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("example.net") };
}
