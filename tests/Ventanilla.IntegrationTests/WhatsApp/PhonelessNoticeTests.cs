using System.Net;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Messaging;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests.WhatsApp;

/// <summary>A WhatsApp sender who shares no phone number hears the notices at their user id, as the agents' replies do.</summary>
public class PhonelessNoticeTests
{
    [Theory, BothDatabases]
    public async Task The_closing_notice_to_a_user_without_a_phone_goes_to_their_user_id(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        const string user = "MX.1502576394655843";
        foreach (var text in new[] { "Hola", "1", "omitir", "No tengo señal" })
        {
            await kit.DeliverAsync(Payloads.Text(kit.NextId(), text, from: null, userId: user));
        }

        var folio = (await kit.TicketAsync()).Folio;
        var api = kit.App.Api();
        await api.PostAsync($"/api/v1/tickets/{folio}/status", new { status = "in_progress" });
        await api.PostAsync($"/api/v1/tickets/{folio}/resolution", new { cause = "Falla en la antena", correction = "Se cambió la antena", upheld = true });
        using var agent = await ConsoleClient.SignInAsync(kit.App);
        var page = await agent.GetPageAsync($"/folios/{folio}");
        var notice = await api.PostAsync($"/api/v1/tickets/{folio}/notice", new { });

        Assert.Equal(HttpStatusCode.OK, notice.Status);
        Assert.Contains($"Se enviará por WhatsApp a {user}.", page[page.IndexOf("aviso-titulo", StringComparison.Ordinal)..], StringComparison.Ordinal);
        var sent = await kit.DbAsync(db => db.Outbox.SingleAsync(m => m.Kind == OutboxKind.Notification && m.Event == "resolved"));
        Assert.Equal((ContactChannel.Whatsapp, user), (sent.Channel, sent.Recipient));
    }
}
