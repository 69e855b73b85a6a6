using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Messaging;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests.WhatsApp;

/// <summary>The outbox on WhatsApp: the 24-hour window, templates, Meta's errors, and the delivery statuses that follow.</summary>
public class OutboundTests
{
    // A phone report: its receipt goes to WhatsApp, about the "received" event.
    private static async Task<string> PhoneReportAsync(WhatsAppKit kit)
    {
        var response = await kit.App.Api().PostAsJsonAsync("/api/v1/tickets", new
        {
            kind = "fault",
            channel = "phone",
            subject = "Sin internet",
            description = "No tengo internet desde ayer.",
            subscriber = new { name = "Juan Pérez", phone = "492 123 4567" },
        });
        response.EnsureSuccessStatusCode();
        return await kit.DbAsync(db => db.Tickets.Select(t => t.Folio).SingleAsync());
    }

    private static Task<OutboxMessage> ReceiptAsync(WhatsAppKit kit) =>
        kit.DbAsync(db => db.Outbox.SingleAsync(m => m.Channel == ContactChannel.Whatsapp && m.Kind == OutboxKind.Receipt));

    [Theory, BothDatabases]
    public async Task Outside_the_window_a_receipt_goes_as_the_configured_template_with_its_values(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        var folio = await PhoneReportAsync(kit);

        await kit.PassAsync();

        var sent = Assert.Single(kit.Graph.Sent);
        Assert.Equal(("template", "524921234567"), ((string?)sent["type"], (string?)sent["to"]));
        Assert.Equal(("folio_recibido", "es_MX"), ((string?)sent["template"]!["name"], (string?)sent["template"]!["language"]!["code"]));
        var values = sent["template"]!["components"]![0]!["parameters"]!.AsArray().Select(p => (string)p!["text"]!).ToArray();
        Assert.Equal([folio, "falla"], values);
        var receipt = await ReceiptAsync(kit);
        Assert.Equal((OutboxState.Sent, "wamid.TEST000001"), (receipt.State, receipt.MessageId));
    }

    [Theory, BothDatabases]
    public async Task Inside_the_window_a_receipt_goes_as_free_text(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        await kit.DeliverAsync(Payloads.Text(kit.NextId(), "Hola"));
        var folio = await PhoneReportAsync(kit);

        await kit.PassAsync();

        var sent = kit.Graph.Sent.Last();
        Assert.Equal("text", (string?)sent["type"]);
        Assert.Contains(folio, (string?)sent["text"]!["body"], StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task Free_text_refused_with_131047_falls_back_to_the_template(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        await kit.DeliverAsync(Payloads.Text(kit.NextId(), "Hola"));
        await PhoneReportAsync(kit);
        kit.Graph.FailNext(131047, "Re-engagement message");

        await kit.PassAsync();

        Assert.Equal("template", (string?)kit.Graph.Sent.Last()["type"]);
        Assert.Equal(OutboxState.Sent, (await ReceiptAsync(kit)).State);
    }

    [Theory, BothDatabases]
    public async Task Rate_limit_errors_130429_and_131056_are_backed_off_and_retried(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        await PhoneReportAsync(kit);
        kit.Graph.FailNext(130429, "Rate limit hit");
        kit.Graph.FailNext(131056, "(Business Account, Consumer Account) pair rate limit hit");

        await kit.PassAsync();

        var receipt = await ReceiptAsync(kit);
        Assert.Equal(OutboxState.Sent, receipt.State);
        Assert.Single(kit.Graph.Sent);
    }

    [Theory, BothDatabases]
    public async Task A_free_reply_outside_the_window_fails_visibly_on_the_ticket(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        await PhoneReportAsync(kit);
        await kit.PassAsync();
        await kit.DbAsync(async db =>
        {
            var t = await db.Tickets.Include(x => x.Subscriber).SingleAsync();
            db.Outbox.Add(Replies.Send(t, "Mañana pasa el técnico.", new Actor("agent-1", "Ana Agente"), kit.App.Now)!);
            return await db.SaveChangesAsync();
        });

        await kit.PassAsync();

        var reply = await kit.DbAsync(db => db.Outbox.SingleAsync(m => m.Kind == OutboxKind.Reply));
        Assert.Equal(OutboxState.Failed, reply.State);
        Assert.Contains("24 horas", reply.LastError, StringComparison.Ordinal);
        var ticket = await kit.TicketAsync();
        Assert.Contains(ticket.Timeline, e => e.Type == TimelineEntryType.Note && e.Body!.Contains("24 horas", StringComparison.Ordinal));
        Assert.Single(kit.Graph.Sent);
    }

    [Theory, BothDatabases]
    public async Task Without_a_template_in_the_settings_the_one_named_in_the_notice_templates_goes(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database, receivedTemplate: false);
        await kit.DbAsync(async db =>
        {
            var notice = await db.NotificationTemplates.SingleAsync(t => t.Event == "received");
            notice.Apply(notice.Texts with { WhatsAppTemplate = "reporte_recibido_v2", WhatsAppLanguage = "es" }, kit.App.Now);
            return await db.SaveChangesAsync();
        });
        await PhoneReportAsync(kit);

        await kit.PassAsync();

        var sent = Assert.Single(kit.Graph.Sent);
        Assert.Equal(("reporte_recibido_v2", "es"), ((string?)sent["template"]!["name"], (string?)sent["template"]!["language"]!["code"]));
        Assert.Equal(OutboxState.Sent, (await ReceiptAsync(kit)).State);
    }

    [Theory, BothDatabases]
    public async Task A_notification_without_a_configured_template_outside_the_window_fails_naming_the_setting(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database, receivedTemplate: false);
        // Neither WhatsApp's settings nor the notice templates name one for this event.
        await kit.DbAsync(db => db.NotificationTemplates.Where(t => t.Event == "received").ExecuteDeleteAsync());
        await PhoneReportAsync(kit);

        await kit.PassAsync();

        var receipt = await ReceiptAsync(kit);
        Assert.Equal(OutboxState.Failed, receipt.State);
        Assert.Contains("WhatsApp:Templates:received", receipt.LastError, StringComparison.Ordinal);
        Assert.Empty(kit.Graph.Sent);
    }

    [Theory, BothDatabases]
    public async Task Statuses_out_of_order_and_redelivered_never_move_a_message_backwards(DatabaseKind database)
    {
        // It counts the timeline's entries: at an hour the area is open, so no closed-area note joins them.
        await using var kit = await WhatsAppKit.StartAsync(database, now: TestClock.DefaultStart);
        await PhoneReportAsync(kit);
        await kit.PassAsync();
        var wamid = (await ReceiptAsync(kit)).MessageId!;

        await kit.PostAsync(Payloads.Statuses(Payloads.Status(wamid, "read")));
        await kit.PostAsync(Payloads.Statuses(Payloads.Status(wamid, "delivered"), Payloads.Status(wamid, "sent")));
        await kit.PostAsync(Payloads.Statuses(Payloads.Status(wamid, "read")));
        await kit.PostAsync(Payloads.Statuses(Payloads.Status(wamid, "failed", 131026, "Message undeliverable")));
        await kit.PassAsync();

        Assert.Equal(OutboxState.Read, (await ReceiptAsync(kit)).State);
        var ticket = await kit.TicketAsync();
        Assert.DoesNotContain(ticket.Timeline, e => e.Type == TimelineEntryType.Note);
    }

    [Theory, BothDatabases]
    public async Task A_failed_status_is_shown_on_the_ticket_with_its_code_and_title_once(DatabaseKind database)
    {
        // It counts the timeline's entries: at an hour the area is open, so no closed-area note joins them.
        await using var kit = await WhatsAppKit.StartAsync(database, now: TestClock.DefaultStart);
        await PhoneReportAsync(kit);
        await kit.PassAsync();
        var wamid = (await ReceiptAsync(kit)).MessageId!;

        await kit.PostAsync(Payloads.Statuses(Payloads.Status(wamid, "sent")));
        await kit.PostAsync(Payloads.Statuses(Payloads.Status(wamid, "failed", 131026, "Message undeliverable")));
        await kit.PostAsync(Payloads.Statuses(Payloads.Status(wamid, "failed", 131026, "Message undeliverable")));
        await kit.PassAsync();

        var receipt = await ReceiptAsync(kit);
        Assert.Equal(OutboxState.Failed, receipt.State);
        var notes = (await kit.TicketAsync()).Timeline.Where(e => e.Type == TimelineEntryType.Note).ToList();
        var note = Assert.Single(notes);
        Assert.Contains("131026", note.Body, StringComparison.Ordinal);
        Assert.Contains("Message undeliverable", note.Body, StringComparison.Ordinal);
    }
}
