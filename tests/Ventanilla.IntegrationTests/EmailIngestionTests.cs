using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;
using Ventanilla.Channels.Email;
using Ventanilla.Data;
using Ventanilla.Messaging;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests;

/// <summary>Mail put into a real Dovecot, polled and processed by the real host, one pass at a time.</summary>
[Collection(DovecotMailboxes.Name)]
public class EmailIngestionTests
{
    private const string Contacto = "contacto@netmas.mx";

    [Fact]
    public async Task NewMessage_SayingThereIsNoInternet_BecomesFaultTicketWithSendersText_AndIsMarkedSeen()
    {
        var (mail, app) = await StartAsync(DatabaseKind.Sqlite);
        await using var _ = app;
        var uid = await mail.AppendAsync(Mail("Sin internet desde ayer", "Buenas tardes, no tengo internet desde ayer en la tarde."));

        await PassAsync(app);

        var ticket = await app.WithDbAsync(db => db.Tickets.Include(t => t.Timeline).SingleAsync());
        Assert.Equal((TicketKind.Fault, ContactChannel.Email), (ticket.Kind, ticket.Channel));
        Assert.Equal("Sin internet desde ayer", ticket.Subject);
        Assert.Contains("no tengo internet desde ayer", ticket.Description, StringComparison.Ordinal);
        Assert.Equal("ana.lopez@example.com", ticket.Contact.Email);
        var stored = await app.WithDbAsync(db => db.Inbox.SingleAsync());
        Assert.Equal((InboundState.Processed, ticket.Id), (stored.State, stored.TicketId));
        Assert.True(await mail.IsSeenAsync(uid));
    }

    [Fact]
    public async Task ReplyWithFolioTag_JoinsThatTicket()
    {
        var (mail, app) = await StartAsync(DatabaseKind.Sqlite);
        await using var _ = app;
        await mail.AppendAsync(Mail("Cobro doble", "Me cobraron dos veces el mes de octubre."));
        await PassAsync(app);
        var folio = await app.WithDbAsync(db => db.Tickets.Select(t => t.Folio).SingleAsync());

        await mail.AppendAsync(Mail($"RE: Cobro doble [Folio {folio}]", "Les mando el estado de cuenta."));
        await PassAsync(app);

        var ticket = await app.WithDbAsync(db => db.Tickets.Include(t => t.Timeline).SingleAsync());
        var inbound = ticket.Timeline.Where(e => e.Type == TimelineEntryType.MessageIn).ToList();
        Assert.Contains("estado de cuenta", Assert.Single(inbound).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplyQuotingEarlierMail_ShowsItsNewWordsAndFoldsTheHistoryOnTheTicketPage()
    {
        var (mail, app) = await StartAsync(DatabaseKind.Sqlite);
        await using var _ = app;
        await mail.AppendAsync(Mail("Cobro doble", "Me cobraron dos veces el mes de octubre."));
        await PassAsync(app);
        var folio = await app.WithDbAsync(db => db.Tickets.Select(t => t.Folio).SingleAsync());

        await mail.AppendAsync(Mail($"RE: Cobro doble [Folio {folio}]",
            "Adjunto el estado de cuenta.\n\nEl jue, 26 nov 2026 a las 10:00, Netmas <contacto@netmas.mx> escribió:\n> Recibimos tu reporte."));
        await PassAsync(app);
        using var staff = await ConsoleClient.SignInAsync(app);
        var page = await staff.GetPageAsync($"/folios/{folio}");

        var entry = await app.WithDbAsync(db => db.TimelineEntries.SingleAsync(e => e.Type == TimelineEntryType.MessageIn));
        Assert.Equal("Adjunto el estado de cuenta.", entry.Body);
        Assert.Contains("> Recibimos tu reporte.", entry.Quoted, StringComparison.Ordinal);
        var folded = page[page.IndexOf("<details class=\"quoted\">", StringComparison.Ordinal)..];
        Assert.Contains("> Recibimos tu reporte.", folded[..folded.IndexOf("</details>", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplyToStoredMessageId_JoinsThatTicket()
    {
        var (mail, app) = await StartAsync(DatabaseKind.Sqlite);
        await using var _ = app;
        var first = Mail("Módem apagado", "El módem no enciende.");
        await mail.AppendAsync(first);
        await PassAsync(app);

        var reply = Mail("RE: Módem apagado", "Ya lo cambié de contacto y sigue igual.");
        reply.InReplyTo = first.MessageId;
        await mail.AppendAsync(reply);
        await PassAsync(app);

        Assert.Equal(1, await app.WithDbAsync(db => db.Tickets.CountAsync()));
        var rows = await app.WithDbAsync(db => db.Inbox.OrderBy(m => m.Id).ToListAsync());
        Assert.Equal(rows[0].TicketId, rows[1].TicketId);
    }

    [Fact]
    public async Task NewMessage_ToMailboxWithArea_OpensTicketInThatArea()
    {
        var mail = await TestMailServer.MailboxAsync(Contacto);
        // "facturacion" is one of the areas every installation starts with.
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite, mail.Settings(area: "facturacion"));
        await mail.AppendAsync(Mail("Factura equivocada", "Mi factura trae otro RFC."));

        await PassAsync(app);

        Assert.Equal("facturacion", await app.WithDbAsync(db => db.Tickets.Select(t => t.Area!.Code).SingleAsync()));
    }

    [Fact]
    public async Task OutOfOfficeReply_CreatesNoTicket()
    {
        var (mail, app) = await StartAsync(DatabaseKind.Sqlite);
        await using var _ = app;
        var away = Mail("Fuera de la oficina", "Estoy de vacaciones hasta el lunes.");
        away.Headers.Add(HeaderId.AutoSubmitted, "auto-replied");
        await mail.AppendAsync(away);

        await PassAsync(app);

        Assert.Equal(0, await app.WithDbAsync(db => db.Tickets.CountAsync()));
        var stored = await app.WithDbAsync(db => db.Inbox.SingleAsync());
        Assert.Equal((InboundState.Processed, null), (stored.State, stored.TicketId));
    }

    [Fact]
    public async Task UnparseableMessage_IsKeptFlagged()
    {
        var (mail, app) = await StartAsync(DatabaseKind.Sqlite);
        await using var _ = app;
        byte[] garbage = [.. "\u0001\u0002 esto no es un correo\r\n"u8, 0xFF, 0xFE, .. "\r\n\r\nni tiene encabezados\r\n"u8];
        await mail.AppendRawAsync(garbage);

        await PassAsync(app);

        var stored = await app.WithDbAsync(db => db.Inbox.SingleAsync());
        Assert.Equal(InboundState.Flagged, stored.State);
        Assert.False(string.IsNullOrEmpty(stored.Error));
        Assert.Equal(garbage.Length, stored.Raw.Length);
        Assert.Equal(0, await app.WithDbAsync(db => db.Tickets.CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task PollTwice_StoresEachMessageOnce(DatabaseKind database)
    {
        var (mail, app) = await StartAsync(database, "notificaciones@netmas.com");
        await using var _ = app;
        await mail.AppendAsync(Mail("Uno", "Primer mensaje."));
        await mail.AppendAsync(Mail("Dos", "Segundo mensaje."));

        var first = await Poller(app).PollOnceAsync(CancellationToken.None);
        var second = await Poller(app).PollOnceAsync(CancellationToken.None);

        Assert.Equal((2, 0), (first, second));
        Assert.Equal(2, await app.WithDbAsync(db => db.Inbox.CountAsync()));
    }

    [Fact]
    public async Task CrashBetweenStoreAndMark_DuplicatesNothing_AndMarksItSeen()
    {
        var (mail, app) = await StartAsync(DatabaseKind.Sqlite);
        await using var _ = app;
        var uid = await mail.AppendAsync(Mail("Sin señal", "No tengo señal en mi colonia."));
        await Poller(app).PollOnceAsync(CancellationToken.None);
        await mail.ForgetSeenAsync(uid);

        var again = await Poller(app).PollOnceAsync(CancellationToken.None);

        Assert.Equal(0, again);
        Assert.Equal(1, await app.WithDbAsync(db => db.Inbox.CountAsync()));
        Assert.True(await mail.IsSeenAsync(uid));
    }

    [Fact]
    public async Task WorkerStoppedAfterCreatingTheTicket_NextWorkerFinishesWithoutASecondTicket()
    {
        var (mail, app) = await StartAsync(DatabaseKind.Sqlite);
        await using var _ = app;
        await mail.AppendAsync(Mail("Sin señal", "No tengo señal desde la mañana."));
        await PassAsync(app);
        var ticket = await app.WithDbAsync(db => db.Inbox.Select(m => m.TicketId).SingleAsync());
        // As a worker that died after the ticket's commit leaves it: still claimed, long ago.
        var longAgo = app.Now - app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MessagingOptions>>().Value.ClaimLease - TimeSpan.FromMinutes(1);
        await app.WithDbAsync(db => db.Inbox.ExecuteUpdateAsync(set => set
            .SetProperty(m => m.State, InboundState.Processing).SetProperty(m => m.ClaimedAt, longAgo).SetProperty(m => m.TicketId, (long?)null)));

        await app.Services.GetRequiredService<InboxProcessor>().ProcessPendingAsync(CancellationToken.None);

        var row = await app.WithDbAsync(db => db.Inbox.SingleAsync());
        Assert.Equal((InboundState.Processed, ticket), (row.State, row.TicketId));
        Assert.Equal(1, await app.WithDbAsync(db => db.Tickets.CountAsync()));
    }

    [Fact]
    public async Task MessageClaimedMomentsAgo_IsLeftToTheWorkerHoldingIt()
    {
        var (mail, app) = await StartAsync(DatabaseKind.Sqlite);
        await using var _ = app;
        await mail.AppendAsync(Mail("Sin señal", "No tengo señal."));
        await Poller(app).PollOnceAsync(CancellationToken.None);
        await app.WithDbAsync(db => db.Inbox.ExecuteUpdateAsync(set => set
            .SetProperty(m => m.State, InboundState.Processing).SetProperty(m => m.ClaimedAt, app.Now)));

        var taken = await app.Services.GetRequiredService<InboxProcessor>().ProcessPendingAsync(CancellationToken.None);

        Assert.Equal(0, taken);
        Assert.Equal(0, await app.WithDbAsync(db => db.Tickets.CountAsync()));
    }

    private static async Task<(TestMailServer Mail, VentanillaApp App)> StartAsync(DatabaseKind database, string user = Contacto)
    {
        var mail = await TestMailServer.MailboxAsync(user);
        return (mail, await VentanillaApp.StartAsync(database, mail.Settings()));
    }

    private static MailboxPoller Poller(VentanillaApp app) =>
        app.Services.GetServices<IHostedService>().OfType<MailboxPoller>().Single();

    private static async Task PassAsync(VentanillaApp app)
    {
        await Poller(app).PollOnceAsync(CancellationToken.None);
        await app.Services.GetRequiredService<InboxProcessor>().ProcessPendingAsync(CancellationToken.None);
    }

    private static MimeMessage Mail(string subject, string text) => new(
        [new MailboxAddress("Ana López", "ana.lopez@example.com")],
        [new MailboxAddress("Net+", Contacto)],
        subject,
        new TextPart("plain") { Text = text })
    { MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("example.com") };
}
