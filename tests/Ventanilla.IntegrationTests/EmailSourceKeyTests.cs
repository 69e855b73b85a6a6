using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Ventanilla.Channels.Email;
using Ventanilla.Data;
using Ventanilla.Messaging;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests;

/// <summary>An email files one ticket however often it is stored, and files it whole: area and files with the folio.</summary>
public class EmailSourceKeyTests
{
    private const string Mailbox = "facturas@netmas.mx";

    [Theory, BothDatabases]
    public async Task The_same_mail_stored_twice_files_one_ticket_with_one_acknowledgement_and_its_area_and_files_from_the_start(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database, new Dictionary<string, string?>
        {
            ["Email:RunInBackground"] = "false",
            ["Email:Mailboxes:0:Address"] = Mailbox,
            ["Email:Mailboxes:0:Imap:Host"] = "127.0.0.1",
            ["Email:Mailboxes:0:Imap:Port"] = "1",
            ["Email:Mailboxes:0:Imap:Security"] = "None",
            ["Email:Mailboxes:0:Imap:Username"] = Mailbox,
            ["Email:Mailboxes:0:Imap:Password"] = "no-se-usa",
            ["Email:Mailboxes:0:Area"] = "facturacion",
        });
        var raw = Raw(MailWithFile());
        await app.WithDbAsync(async db =>
        {
            db.Inbox.Add(InboundMessage.FromImap(Mailbox, 7, 1, "cobro-doble@example.com", raw, app.Now));
            db.Inbox.Add(InboundMessage.FromImap(Mailbox, 7, 2, "cobro-doble@example.com", raw, app.Now));
            return await db.SaveChangesAsync();
        });

        await app.Services.GetRequiredService<InboxProcessor>().ProcessPendingAsync(CancellationToken.None);

        var ticket = await app.WithDbAsync(db => db.Tickets.Include(t => t.Area).Include(t => t.Timeline).SingleAsync());
        Assert.Equal("facturacion", ticket.Area?.Code);
        var file = Assert.Single(await app.WithDbAsync(db => db.Attachments.Where(a => a.TicketId == ticket.Id).ToListAsync()));
        Assert.Equal("factura.pdf", file.FileName);
        Assert.Equal(1, await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.Channel == ContactChannel.Email && m.Kind == OutboxKind.Receipt)));
        var rows = await app.WithDbAsync(db => db.Inbox.Select(m => new { m.State, m.TicketId }).ToListAsync());
        Assert.All(rows, r => Assert.Equal((InboundState.Processed, (long?)ticket.Id), (r.State, r.TicketId)));
    }

    private static MimeMessage MailWithFile()
    {
        var body = new BodyBuilder { TextBody = "Me cobraron dos veces la mensualidad de noviembre." };
        body.Attachments.Add("factura.pdf", "%PDF-1.4\n%prueba\n"u8.ToArray(), new ContentType("application", "pdf"));
        return new MimeMessage([new MailboxAddress("Ana López", "ana.lopez@example.com")], [new MailboxAddress("Net+", Mailbox)],
            "Cobro doble", body.ToMessageBody())
        { MessageId = "cobro-doble@example.com" };
    }

    private static byte[] Raw(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return stream.ToArray();
    }
}
