using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests.WhatsApp;

/// <summary>Only the folio's owner answers its closing question on WhatsApp; another number never closes or reopens it.</summary>
public class ClosureOwnerTests
{
    private const string OtherNumber = "5214929998877";

    [Theory, BothDatabases]
    public async Task Another_number_that_names_the_folio_and_taps_the_confirmation_does_not_close_it(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        var folio = await NotifiedAsync(kit);

        await kit.DeliverAsync(Payloads.Text(kit.NextId(), $"estado {folio}", from: OtherNumber));
        await kit.DeliverAsync(Payloads.ButtonReply(kit.NextId(), "cierre:si", "Sí, ya funciona", from: OtherNumber));
        await kit.DeliverAsync(Payloads.Text(kit.NextId(), "Sí, ya funciona", from: OtherNumber));

        var ticket = await kit.TicketAsync();
        Assert.Equal((TicketStatus.Notified, (SubscriberConfirmation?)null), (ticket.Status, ticket.Confirmation));
        Assert.DoesNotContain(kit.Graph.Sent, m => (string?)m["to"] == "524929998877" && (string?)m["interactive"]?["type"] == "button");
    }

    [Theory, BothDatabases]
    public async Task A_conversation_on_a_folio_it_does_not_own_cannot_confirm_it_and_the_agent_sees_why(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        var folio = await NotifiedAsync(kit);
        await kit.DeliverAsync(Payloads.Text(kit.NextId(), "Hola", from: OtherNumber));
        // However a conversation came to be on someone else's folio, being on it is not owning it.
        await kit.DbAsync(async db =>
        {
            var id = await db.Tickets.Where(t => t.Folio == folio).Select(t => t.Id).SingleAsync();
            (await db.WhatsAppConversations.SingleAsync(c => c.WaId == OtherNumber)).Follow(id);
            return await db.SaveChangesAsync();
        });
        var sentBefore = kit.Graph.Sent.Count;

        await kit.DeliverAsync(Payloads.ButtonReply(kit.NextId(), "cierre:si", "Sí, ya funciona", from: OtherNumber));

        var ticket = await kit.TicketAsync();
        Assert.Equal(TicketStatus.Notified, ticket.Status);
        var note = Assert.Single(ticket.Timeline, e => e.Type == TimelineEntryType.Note && e.Body!.StartsWith("Remitente no verificado", StringComparison.Ordinal));
        Assert.Contains("+524929998877", note.Body, StringComparison.Ordinal);
        Assert.Equal(sentBefore, kit.Graph.Sent.Count);
    }

    /// <summary>Juan files a fault on WhatsApp and staff take it to the closing notice through the API.</summary>
    private static async Task<string> NotifiedAsync(WhatsAppKit kit)
    {
        var folio = (await ConversationTests.ReportFaultAsync(kit)).Folio;
        var api = kit.App.Api();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await api.PostAsync($"/api/v1/tickets/{folio}/status", new { status = "in_progress" })).Status);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await api.PostAsync($"/api/v1/tickets/{folio}/resolution",
            new { cause = "Falla en la antena", correction = "Se cambió la antena", upheld = true })).Status);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await api.PostAsync($"/api/v1/tickets/{folio}/notice", new { })).Status);
        await kit.PassAsync();
        return folio;
    }
}
