using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;
using Ventanilla.Channels.Email;
using Ventanilla.Data;
using Ventanilla.Tickets;
using static Ventanilla.IntegrationTests.FollowUp.FollowUpFlow;

namespace Ventanilla.IntegrationTests.FollowUp;

/// <summary>The subscriber answers the closing notice by email, through a real IMAP server.</summary>
[Collection(DovecotMailboxes.Name)]
public class EmailClosureTests
{
    private const string Contacto = "contacto@netmas.mx";

    [Theory, BothDatabases]
    public async Task A_reply_saying_it_works_closes_the_notified_folio(DatabaseKind database)
    {
        var (mail, app) = await StartAsync(database);
        await using var _ = app;
        var folio = await NotifiedFaultAsync(app);

        await mail.AppendAsync(Reply(folio, "¡Sí, ya funciona! Gracias.\n\n> Atendimos tu falla..."));
        await PassAsync(app);

        var ticket = await app.WithDbAsync(db => db.Tickets.Include(t => t.Timeline).SingleAsync());
        Assert.Equal((TicketStatus.Closed, SubscriberConfirmation.Confirmed), (ticket.Status, ticket.Confirmation));
        Assert.Contains(ticket.Timeline, e => e.Type == TimelineEntryType.MessageIn);
        Assert.Equal("closed", await app.WithDbAsync(db => db.Outbox.OrderBy(m => m.Id).Select(m => m.Event).LastAsync()));
    }

    [Theory, BothDatabases]
    public async Task A_reply_saying_it_still_fails_reopens_the_folio(DatabaseKind database)
    {
        var (mail, app) = await StartAsync(database);
        await using var _ = app;
        var folio = await NotifiedFaultAsync(app);

        await mail.AppendAsync(Reply(folio, "No, sigue igual: el módem parpadea en rojo."));
        await PassAsync(app);

        var ticket = await app.WithDbAsync(db => db.Tickets.SingleAsync());
        Assert.Equal((TicketStatus.Reopened, SubscriberConfirmation.NotFixed), (ticket.Status, ticket.Confirmation));
    }

    [Fact]
    public async Task A_reply_that_says_something_else_waits_for_an_agent()
    {
        var (mail, app) = await StartAsync(DatabaseKind.Sqlite);
        await using var _ = app;
        var folio = await NotifiedFaultAsync(app);

        await mail.AppendAsync(Reply(folio, "¿A qué hora vuelve a pasar el técnico?"));
        await PassAsync(app);

        Assert.Equal(TicketStatus.Notified, await app.WithDbAsync(db => db.Tickets.Select(t => t.Status).SingleAsync()));
    }

    private static async Task<string> NotifiedFaultAsync(VentanillaApp app)
    {
        var client = app.Api();
        var folio = await ResolvedFaultAsync(client);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.PostAsync($"/api/v1/tickets/{folio}/notice", new { })).Status);
        return folio;
    }

    private static async Task<(TestMailServer Mail, VentanillaApp App)> StartAsync(DatabaseKind database)
    {
        var mail = await TestMailServer.MailboxAsync(Contacto);
        return (mail, await VentanillaApp.StartAsync(database, mail.Settings()));
    }

    private static async Task PassAsync(VentanillaApp app)
    {
        await app.Services.GetServices<IHostedService>().OfType<MailboxPoller>().Single().PollOnceAsync(CancellationToken.None);
        await app.Services.GetRequiredService<InboxProcessor>().ProcessPendingAsync(CancellationToken.None);
    }

    private static MimeMessage Reply(string folio, string text) => new(
        [new MailboxAddress("Juan Pérez", "juan@example.mx")],
        [new MailboxAddress("Netmas", Contacto)],
        $"RE: [Folio {folio}] Atendimos tu falla: ¿quedó resuelto?",
        new TextPart("plain") { Text = text })
    { MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("example.mx") };
}
