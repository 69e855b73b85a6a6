using Microsoft.EntityFrameworkCore;
using MimeKit;
using Ventanilla.Channels.Email;
using Ventanilla.Data;
using Ventanilla.Messaging;
using Ventanilla.Subscribers;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests;

/// <summary>Bounces of our own mail, and the cap on automatic answers, through the real Dovecot and SMTP listener.</summary>
[Collection(DovecotMailboxes.Name)]
public class EmailBounceTests
{
    private const string Ana = "ana.lopez@example.com";

    [Theory, BothDatabases]
    public async Task A_bounce_of_our_acknowledgement_lands_on_its_ticket_and_marks_the_address_failing(DatabaseKind database)
    {
        var mail = await TestMailServer.MailboxAsync("contacto@netmas.mx");
        await using var smtp = TestSmtpServer.Start();
        await using var app = await VentanillaApp.StartAsync(database, EmailMessages.Settings(mail, smtp));
        await AddSubscriberAsync(app, Ana);
        await mail.AppendAsync(EmailMessages.From(Ana, "Sin internet", "No tengo internet desde ayer."));
        await EmailMessages.PassAsync(app);
        await EmailMessages.SendAsync(app);
        var ack = Assert.Single(smtp.Received);

        await mail.AppendAsync(Bounce(ack, includeMessageId: true));
        await EmailMessages.PassAsync(app);

        var ticket = await app.WithDbAsync(db => db.Tickets.Include(t => t.Timeline).SingleAsync());
        var note = Assert.Single(ticket.Timeline, e => e.Type == TimelineEntryType.Note);
        Assert.Contains(Ana, note.Body, StringComparison.Ordinal);
        Assert.Contains("rebote", note.Body, StringComparison.Ordinal);
        // Kept as evidence on the ticket, never shown as words the subscriber wrote.
        Assert.Single(ticket.Timeline, e => e.Type == TimelineEntryType.Created);
        Assert.DoesNotContain(ticket.Timeline, e => e.Type == TimelineEntryType.MessageIn);
        var report = await app.WithDbAsync(db => db.Attachments.AsNoTracking().SingleAsync());
        Assert.Equal(("message/rfc822", ticket.Id), (report.ContentType, report.TicketId));
        Assert.EndsWith(".eml", report.FileName, StringComparison.Ordinal);
        var bounceRow = await app.WithDbAsync(db => db.Inbox.OrderBy(m => m.Id).LastAsync());
        Assert.Equal(bounceRow.Raw.Length, report.Size);
        Assert.Equal((InboundState.Processed, ticket.Id), (bounceRow.State, bounceRow.TicketId));
        var sent = await app.WithDbAsync(db => db.Outbox.SingleAsync(m => m.Channel == ContactChannel.Email));
        Assert.Equal(OutboxState.Failed, sent.State);
        Assert.StartsWith("Rebotó", sent.LastError, StringComparison.Ordinal);
        var email = await app.WithDbAsync(db => db.Subscribers.AsNoTracking().SelectMany(s => s.Emails).SingleAsync());
        Assert.NotNull(email.FailingSince);
    }

    [Fact]
    public async Task A_bounce_naming_only_our_folio_header_still_finds_its_ticket()
    {
        var mail = await TestMailServer.MailboxAsync("contacto@netmas.mx");
        await using var smtp = TestSmtpServer.Start();
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite, EmailMessages.Settings(mail, smtp));
        await AddSubscriberAsync(app, Ana);
        await mail.AppendAsync(EmailMessages.From(Ana, "Cobro doble", "Me cobraron dos veces."));
        await EmailMessages.PassAsync(app);
        await EmailMessages.SendAsync(app);

        await mail.AppendAsync(Bounce(Assert.Single(smtp.Received), includeMessageId: false));
        await EmailMessages.PassAsync(app);

        var ticket = await app.WithDbAsync(db => db.Tickets.Include(t => t.Timeline).SingleAsync());
        Assert.Single(ticket.Timeline, e => e.Type == TimelineEntryType.Note);
        Assert.Equal(ticket.Id, await app.WithDbAsync(db => db.Inbox.OrderBy(m => m.Id).Select(m => m.TicketId).LastAsync()));
        Assert.NotNull(await app.WithDbAsync(db => db.Subscribers.SelectMany(s => s.Emails).Select(e => e.FailingSince).SingleAsync()));
    }

    [Fact]
    public async Task An_address_that_bounced_gets_no_acknowledgement_for_its_next_email()
    {
        var mail = await TestMailServer.MailboxAsync("contacto@netmas.mx");
        await using var smtp = TestSmtpServer.Start();
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite, EmailMessages.Settings(mail, smtp));
        await AddSubscriberAsync(app, Ana);
        await mail.AppendAsync(EmailMessages.From(Ana, "Sin internet", "No tengo internet."));
        await EmailMessages.PassAsync(app);
        await EmailMessages.SendAsync(app);
        await mail.AppendAsync(Bounce(Assert.Single(smtp.Received), includeMessageId: true));
        await EmailMessages.PassAsync(app);

        await mail.AppendAsync(EmailMessages.From(Ana, "Otra falla", "Ahora tampoco tengo teléfono."));
        await EmailMessages.PassAsync(app);
        await EmailMessages.SendAsync(app);

        Assert.Single(smtp.Received);
        Assert.Equal(2, await app.WithDbAsync(db => db.Tickets.CountAsync()));
        var withheld = await app.WithDbAsync(db => db.Outbox.OrderBy(m => m.Id).LastAsync());
        Assert.Equal(OutboxState.Withheld, withheld.State);
        Assert.Contains("rebotó", withheld.LastError, StringComparison.Ordinal);
        var second = await app.WithDbAsync(db => db.Tickets.Include(t => t.Timeline).OrderBy(t => t.Id).LastAsync());
        Assert.Contains(second.Timeline, e => e.Type == TimelineEntryType.Note && e.Body!.Contains("rebotó", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Acknowledgements_to_one_sender_stop_at_the_daily_cap()
    {
        var mail = await TestMailServer.MailboxAsync("contacto@netmas.mx");
        await using var smtp = TestSmtpServer.Start();
        var settings = EmailMessages.Settings(mail, smtp);
        settings["Email:AutoReplyDailyCap"] = "2";
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite, settings);
        // A robot that writes like a person, with no automatic-mail header to give it away.
        foreach (var subject in new[] { "Aviso 1", "Aviso 2", "Aviso 3" })
        {
            await mail.AppendAsync(EmailMessages.From("robot@example.com", subject, "Mensaje generado."));
            await EmailMessages.PassAsync(app);
            await EmailMessages.SendAsync(app);
        }

        Assert.Equal(2, smtp.Received.Count);
        Assert.Equal(3, await app.WithDbAsync(db => db.Tickets.CountAsync()));
        var third = await app.WithDbAsync(db => db.Outbox.OrderBy(m => m.Id).LastAsync());
        Assert.Equal(OutboxState.Withheld, third.State);
        Assert.Contains("2 en las últimas 24 horas", third.LastError, StringComparison.Ordinal);
        // Another sender is not held back by the first one's count.
        await mail.AppendAsync(EmailMessages.From(Ana, "Sin señal", "No tengo señal."));
        await EmailMessages.PassAsync(app);
        await EmailMessages.SendAsync(app);
        Assert.Equal(3, smtp.Received.Count);
    }

    private static Task<int> AddSubscriberAsync(VentanillaApp app, string email) => app.WithDbAsync(db =>
    {
        db.Subscribers.Add(Subscriber.Create(new SubscriberDetails(null, "Ana López", [], [email], [], [], null, null, null, true, false), app.Now));
        return db.SaveChangesAsync();
    });

    /// <summary>A delivery status notification (RFC 3464) as Postfix writes it, returning our message's headers.</summary>
    private static MimeMessage Bounce(MimeMessage ours, bool includeMessageId)
    {
        var recipient = ours.To.Mailboxes.Single().Address;
        var report = new MultipartReport("delivery-status")
        {
            new TextPart("plain") { Text = $"No se pudo entregar el mensaje a <{recipient}>: el buzón no existe." },
        };
        var status = new MessageDeliveryStatus();
        var perMessage = new HeaderList { { "Reporting-MTA", "dns; mx.example.com" } };
        var perRecipient = new HeaderList
        {
            { "Final-Recipient", $"rfc822; {recipient}" },
            { "Action", "failed" },
            { "Status", "5.1.1" },
            { "Diagnostic-Code", "smtp; 550 5.1.1 User unknown" },
        };
        status.StatusGroups.Add(perMessage);
        status.StatusGroups.Add(perRecipient);
        report.Add(status);
        var returned = new System.Text.StringBuilder();
        returned.Append("From: ").Append(ours.From).Append("\r\n");
        returned.Append("To: ").Append(ours.To).Append("\r\n");
        if (includeMessageId)
        {
            returned.Append("Message-ID: <").Append(ours.MessageId).Append(">\r\n");
        }

        returned.Append("Subject: Sin asunto\r\n");
        returned.Append(MailboxContext.FolioHeader).Append(": ").Append(ours.Headers[MailboxContext.FolioHeader]).Append("\r\n");
        report.Add(new TextPart("rfc822-headers") { Text = returned.ToString() });
        var bounce = new MimeMessage(
            [new MailboxAddress("Mail Delivery System", "MAILER-DAEMON@mx.example.com")],
            [new MailboxAddress("Net+", "contacto@netmas.mx")],
            "Undelivered Mail Returned to Sender",
            report)
        { MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("mx.example.com") };
        bounce.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        return bounce;
    }
}
