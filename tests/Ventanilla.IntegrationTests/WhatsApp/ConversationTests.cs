using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Channels.WhatsApp;
using Ventanilla.Data;
using Ventanilla.Messaging;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests.WhatsApp;

/// <summary>The Spanish self-service conversation, from the first message to a folio and its closure.</summary>
public class ConversationTests
{
    internal static async Task AddJuanAsync(WhatsAppKit kit, string phone = "492 123 4567")
    {
        var response = await kit.App.Api().PostAsJsonAsync("/api/v1/subscribers", new { accountNumber = "NM-ZAC-10234", name = "Juan Pérez", phones = new[] { phone } });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Hello, the fault option, a description: the usual way to a folio.</summary>
    internal static async Task<Ticket> ReportFaultAsync(WhatsAppKit kit)
    {
        await AddJuanAsync(kit);
        await kit.DeliverAsync(Payloads.Text(kit.NextId(), "Hola"));
        await kit.DeliverAsync(Payloads.ListReply(kit.NextId(), "menu:falla", "Reportar una falla"));
        await kit.DeliverAsync(Payloads.Text(kit.NextId(), "Sin internet desde ayer, el módem parpadea en rojo"));
        return await kit.TicketAsync();
    }

    [Theory, BothDatabases]
    public async Task A_first_message_gets_the_menu_as_a_list_of_five_choices(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);

        await kit.DeliverAsync(Payloads.Text(kit.NextId(), "Hola"));

        var menu = Assert.Single(kit.Graph.Sent);
        Assert.Equal("524921234567", (string?)menu["to"]);
        Assert.Equal("list", (string?)menu["interactive"]!["type"]);
        var rows = menu["interactive"]!["action"]!["sections"]![0]!["rows"]!.AsArray().Select(r => (string)r!["title"]!).ToArray();
        Assert.Equal(["Reportar una falla", "Consultar un folio", "Consulta o queja", "Cancelar el servicio", "Hablar con una persona"], rows);
    }

    [Theory, BothDatabases]
    public async Task The_whole_menu_conversation_files_a_fault_for_the_subscriber_matched_by_521_and_replies_with_its_folio(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        var ticket = await ReportFaultAsync(kit);

        Assert.Equal((TicketKind.Fault, ContactChannel.Whatsapp), (ticket.Kind, ticket.Channel));
        Assert.Equal("Juan Pérez", ticket.Subscriber?.FullName);
        Assert.Equal("+524921234567", ticket.Contact.Phone);
        Assert.Contains("módem parpadea", ticket.Description, StringComparison.Ordinal);
        var sent = kit.SentTexts();
        Assert.Equal(3, sent.Length);
        Assert.Contains("Cuéntanos qué falla", sent[1], StringComparison.Ordinal);
        Assert.Contains($"folio {ticket.Folio}", sent[2], StringComparison.Ordinal);
        var outbox = await kit.DbAsync(db => db.Outbox.Where(m => m.Channel == ContactChannel.Whatsapp).OrderBy(m => m.Id).ToListAsync());
        Assert.All(outbox, m => Assert.Equal(OutboxState.Sent, m.State));
        Assert.All(outbox, m => Assert.StartsWith("wamid.TEST", m.MessageId, StringComparison.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task An_unknown_number_is_asked_for_the_contract_number_and_matched_by_it(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        await AddJuanAsync(kit, phone: "492 999 0000");

        await kit.DeliverAsync(Payloads.Text(kit.NextId(), "Hola"));
        await kit.DeliverAsync(Payloads.Text(kit.NextId(), "3"));
        await kit.DeliverAsync(Payloads.Text(kit.NextId(), "NM-ZAC-99999"));
        await kit.DeliverAsync(Payloads.Text(kit.NextId(), "NM-ZAC-10234"));
        await kit.DeliverAsync(Payloads.Text(kit.NextId(), "Me cobraron dos veces octubre"));

        var sent = kit.SentTexts();
        Assert.Contains("número de contrato", sent[1], StringComparison.Ordinal);
        Assert.Contains("No encontramos ese número de contrato", sent[2], StringComparison.Ordinal);
        var ticket = await kit.TicketAsync();
        Assert.Equal(TicketKind.Query, ticket.Kind);
        Assert.Equal("Juan Pérez", ticket.Subscriber?.FullName);
    }

    [Theory, BothDatabases]
    public async Task A_user_without_a_phone_is_served_by_their_user_id(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        const string user = "MX.1502576394655843";

        await kit.DeliverAsync(Payloads.Text(kit.NextId(), "Hola", from: null, userId: user));
        await kit.DeliverAsync(Payloads.Text(kit.NextId(), "1", from: null, userId: user));
        await kit.DeliverAsync(Payloads.Text(kit.NextId(), "omitir", from: null, userId: user));
        await kit.DeliverAsync(Payloads.Text(kit.NextId(), "No tengo señal", from: null, userId: user));

        Assert.All(kit.Graph.Sent, m => Assert.Equal((user, null), ((string?)m["recipient"], (string?)m["to"])));
        var ticket = await kit.TicketAsync();
        Assert.Null(ticket.Contact.Phone);
        Assert.Contains(ticket.Folio, kit.SentTexts()[^1], StringComparison.Ordinal);
        var conversation = await kit.DbAsync(db => db.WhatsAppConversations.SingleAsync());
        Assert.Equal((user, null, null), (conversation.UserId, conversation.WaId, conversation.Phone));

        // An agent can answer them too: the reply goes to the same user id.
        using var agent = await ConsoleClient.SignInAsync(kit.App);
        Assert.Contains($"Se enviará por WhatsApp a {user}.", await agent.GetPageAsync($"/folios/{ticket.Folio}"), StringComparison.Ordinal);
        var replied = await agent.PostFormAsync($"/folios/{ticket.Folio}", "respuesta", new() { ["Input.Body"] = "Mañana pasa el técnico." });
        Assert.Equal(System.Net.HttpStatusCode.Found, replied.StatusCode);
        var reply = await kit.DbAsync(db => db.Outbox.SingleAsync(m => m.Kind == OutboxKind.Reply && m.Body == "Mañana pasa el técnico."));
        Assert.Equal((ContactChannel.Whatsapp, user), (reply.Channel, reply.Recipient));
    }

    [Theory, BothDatabases]
    public async Task A_folio_status_is_told_to_its_owner_and_to_nobody_else(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        var ticket = await ReportFaultAsync(kit);

        await kit.DeliverAsync(Payloads.Text(kit.NextId(), $"estado {ticket.Folio}"));
        await kit.DeliverAsync(Payloads.Text(kit.NextId(), ticket.Folio, from: "5214929998877"));

        var sent = kit.SentTexts();
        Assert.Contains($"Tu folio {ticket.Folio}", sent[^2], StringComparison.Ordinal);
        Assert.Contains("registrado", sent[^2], StringComparison.Ordinal);
        Assert.Equal("524929998877", (string?)kit.Graph.Sent.Last()["to"]);
        Assert.Contains($"No encontramos el folio {ticket.Folio}", sent[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("registrado", sent[^1], StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task While_a_ticket_is_open_the_subscribers_messages_join_it(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        var ticket = await ReportFaultAsync(kit);
        var sentBefore = kit.Graph.Sent.Count;

        await kit.DeliverAsync(Payloads.Text(kit.NextId(), "Ya reinicié el módem y sigue igual"));

        var after = await kit.TicketAsync();
        Assert.Contains(after.Timeline, e => e.Type == TimelineEntryType.MessageIn && e.Body == "Ya reinicié el módem y sigue igual");
        Assert.Equal(1, await kit.DbAsync(db => db.Tickets.CountAsync()));
        Assert.Equal(sentBefore, kit.Graph.Sent.Count);
        Assert.Equal(ticket.Id, await kit.DbAsync(db => db.Inbox.OrderBy(m => m.Id).Select(m => m.TicketId).LastAsync()));
    }

    [Theory, BothDatabases]
    public async Task Talking_to_a_person_files_a_ticket_and_the_bot_goes_quiet(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);

        await kit.DeliverAsync(Payloads.Text(kit.NextId(), "Hola"));
        await kit.DeliverAsync(Payloads.ListReply(kit.NextId(), "menu:persona", "Hablar con una persona"));
        await kit.DeliverAsync(Payloads.Text(kit.NextId(), "¿Hay alguien?"));

        var ticket = await kit.TicketAsync();
        Assert.Equal(2, kit.Graph.Sent.Count);
        Assert.Contains("Un asesor te atenderá", kit.SentTexts()[1], StringComparison.Ordinal);
        Assert.Contains(ticket.Timeline, e => e.Body == "¿Hay alguien?");
    }

    [Theory, BothDatabases]
    public async Task An_agent_taking_over_silences_the_bot(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        var ticket = await ReportFaultAsync(kit);
        await kit.DbAsync(async db =>
        {
            await WhatsAppTakeover.TakeOverAsync(db, await db.Tickets.Include(t => t.Timeline).SingleAsync(t => t.Id == ticket.Id),
                new Actor("agent-1", "Ana Agente"), kit.App.Now, CancellationToken.None);
            return await db.SaveChangesAsync();
        });
        var sentBefore = kit.Graph.Sent.Count;

        await kit.DeliverAsync(Payloads.Text(kit.NextId(), $"estado {ticket.Folio}"));

        Assert.Equal(sentBefore, kit.Graph.Sent.Count);
        var after = await kit.TicketAsync();
        Assert.Contains(after.Timeline, e => e.Type == TimelineEntryType.MessageIn && e.Body == $"estado {ticket.Folio}");
    }

    [Theory, BothDatabases]
    public async Task An_agent_reply_counts_as_taking_over(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        var ticket = await ReportFaultAsync(kit);
        using var agent = await ConsoleClient.SignInAsync(kit.App);
        var replied = await agent.PostFormAsync($"/folios/{ticket.Folio}", "respuesta", new() { ["Input.Body"] = "Hola Juan, soy Ana; revisamos tu línea." });
        Assert.Equal(System.Net.HttpStatusCode.Found, replied.StatusCode);
        await kit.PassAsync();
        var sentBefore = kit.Graph.Sent.Count;

        await kit.DeliverAsync(Payloads.Text(kit.NextId(), "estado NM-2026-000001"));

        Assert.Equal(sentBefore, kit.Graph.Sent.Count);
        Assert.Equal("text", (string?)kit.Graph.Sent.Last()["type"]);
    }

    [Theory, BothDatabases]
    public async Task A_notified_ticket_is_closed_when_the_subscriber_confirms_the_fix(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        await ReportFaultAsync(kit);
        await NotifyAsync(kit);

        await kit.DeliverAsync(Payloads.Text(kit.NextId(), "Hola, ¿ya quedó?"));
        var offer = kit.Graph.Sent.Last();
        await kit.DeliverAsync(Payloads.ButtonReply(kit.NextId(), "cierre:si", "Sí, ya funciona"));

        Assert.Equal("button", (string?)offer["interactive"]!["type"]);
        var ticket = await kit.TicketAsync();
        Assert.Equal((TicketStatus.Closed, SubscriberConfirmation.Confirmed), (ticket.Status, ticket.Confirmation));
        Assert.Contains("Cerramos tu folio", kit.SentTexts()[^1], StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_notified_ticket_is_reopened_with_the_subscribers_words_when_it_is_not_fixed(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        await ReportFaultAsync(kit);
        await NotifyAsync(kit);

        await kit.DeliverAsync(Payloads.Text(kit.NextId(), "Hola"));
        await kit.DeliverAsync(Payloads.ButtonReply(kit.NextId(), "cierre:no", "No está resuelto"));
        await kit.DeliverAsync(Payloads.Text(kit.NextId(), "Se vuelve a caer en las noches"));

        var ticket = await kit.TicketAsync();
        Assert.Equal((TicketStatus.Reopened, SubscriberConfirmation.NotFixed), (ticket.Status, ticket.Confirmation));
        Assert.Contains(ticket.Timeline, e => e.Type == TimelineEntryType.StatusChanged && e.Body == "Se vuelve a caer en las noches");
    }

    private static Task<int> NotifyAsync(WhatsAppKit kit) => kit.DbAsync(async db =>
    {
        var t = await db.Tickets.SingleAsync();
        var lead = new Actor("lead-1", "Luis Técnico");
        var now = kit.App.Now;
        Assert.Null(t.ChangeStatus(new StatusChange(TicketStatus.InProgress), lead, now));
        Assert.Null(t.RecordResolution("Módem dañado", "Se cambió el módem", true, null, lead, now));
        Assert.Null(t.Notify(lead, now));
        return await db.SaveChangesAsync();
    });
}
