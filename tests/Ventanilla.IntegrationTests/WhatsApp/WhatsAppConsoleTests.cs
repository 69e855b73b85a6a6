using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Channels.WhatsApp;
using Ventanilla.Data;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests.WhatsApp;

/// <summary>The administration page for the account, and the takeover control on a WhatsApp ticket.</summary>
public class WhatsAppConsoleTests
{
    [Theory, BothDatabases]
    public async Task The_settings_page_shows_secrets_masked_and_stores_them_protected(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        using var admin = await ConsoleClient.SignInAsync(kit.App);

        var page = await admin.GetPageAsync("/admin/whatsapp");
        Assert.Contains("••••" + WhatsAppKit.AppSecret[^4..], page, StringComparison.Ordinal);
        Assert.DoesNotContain(WhatsAppKit.AppSecret, page, StringComparison.Ordinal);
        Assert.DoesNotContain(GraphApiServer.Token, page, StringComparison.Ordinal);

        var saved = await admin.PostFormAsync("/admin/whatsapp", "whatsapp", new()
        {
            ["Input.PhoneNumberId"] = GraphApiServer.PhoneNumberId,
            ["Input.AccessToken"] = "",
            ["Input.AppSecret"] = "nueva-clave-secreta-9876",
            ["Input.VerifyToken"] = "otro-token",
            ["Input.GraphApiBaseUrl"] = kit.Graph.BaseUrl,
            ["Input.ApiVersion"] = GraphApiServer.Version,
            ["Input.Templates"] = "received = folio_recibido es_MX\nresolved = folio_resuelto es_MX",
        });

        Assert.Equal("/admin/whatsapp?aviso=guardado", ConsoleClient.Location(saved));
        var row = await kit.DbAsync(db => db.WhatsAppSettings.SingleAsync());
        Assert.DoesNotContain("nueva-clave", row.ProtectedAppSecret, StringComparison.Ordinal);
        Assert.DoesNotContain(GraphApiServer.Token, row.ProtectedAccessToken, StringComparison.Ordinal);
        var account = kit.App.Services.GetRequiredService<WhatsAppDirectory>().Current;
        Assert.Equal((GraphApiServer.Token, "nueva-clave-secreta-9876", "otro-token"), (account.AccessToken, account.AppSecret, account.VerifyToken));
        Assert.Equal("folio_resuelto", account.TemplateFor("resolved")?.Name);
        var body = Payloads.Messages(Payloads.Text(kit.NextId(), "Hola"));
        Assert.Equal(HttpStatusCode.OK, (await kit.PostAsync(body, WebhookSignature.Sign(Encoding.UTF8.GetBytes(body), "nueva-clave-secreta-9876"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await kit.PostAsync(body)).StatusCode);
    }

    [Fact]
    public async Task The_settings_page_refuses_a_bad_template_line_naming_the_field()
    {
        await using var kit = await WhatsAppKit.StartAsync(DatabaseKind.Sqlite);
        using var admin = await ConsoleClient.SignInAsync(kit.App);

        var page = await admin.PostFormForPageAsync("/admin/whatsapp", "whatsapp", new()
        {
            ["Input.GraphApiBaseUrl"] = kit.Graph.BaseUrl,
            ["Input.ApiVersion"] = "23",
            ["Input.Templates"] = "received folio",
        });

        Assert.Contains("La versión se escribe como v23.0.", page, StringComparison.Ordinal);
        Assert.Contains("«received folio» no se entiende", page, StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task The_takeover_control_on_a_whatsapp_ticket_silences_the_bot(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        var ticket = await ConversationTests.ReportFaultAsync(kit);
        using var admin = await ConsoleClient.SignInAsync(kit.App);

        var taken = await admin.PostFormAsync($"/folios/{ticket.Folio}", "whatsapp-tomar", []);

        Assert.Equal($"/folios/{ticket.Folio}?hecho=whatsapp", ConsoleClient.Location(taken));
        var conversation = await kit.DbAsync(db => db.WhatsAppConversations.SingleAsync());
        Assert.NotNull(conversation.TakenOverBy);
        var page = await admin.GetPageAsync($"/folios/{ticket.Folio}");
        Assert.DoesNotContain("Tomar la conversación", page, StringComparison.Ordinal);
        var sentBefore = kit.Graph.Sent.Count;
        await kit.DeliverAsync(Payloads.Text(kit.NextId(), $"estado {ticket.Folio}"));
        Assert.Equal(sentBefore, kit.Graph.Sent.Count);
        Assert.Contains((await kit.TicketAsync()).Timeline, e => e.Type == TimelineEntryType.Note && e.Body!.Contains("Tomó la conversación", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Taking_over_a_folio_someone_else_changed_meanwhile_answers_with_the_stale_message_and_takes_nothing()
    {
        await using var kit = await WhatsAppKit.StartAsync(DatabaseKind.Sqlite);
        var ticket = await ConversationTests.ReportFaultAsync(kit);
        using var admin = await ConsoleClient.SignInAsync(kit.App);

        var page = await admin.PostFormForPageAsync($"/folios/{ticket.Folio}", "whatsapp-tomar",
            new() { ["Input.Version"] = $"{ticket.Version - 1}" });

        Assert.Contains(Ventanilla.Tickets.Pages.TicketDesk.StaleMessage, page, StringComparison.Ordinal);
        Assert.Null(await kit.DbAsync(db => db.WhatsAppConversations.Select(c => c.TakenOverBy).SingleAsync()));
    }

    [Fact]
    public async Task After_an_agent_reply_on_WhatsApp_the_console_no_longer_offers_the_takeover()
    {
        await using var kit = await WhatsAppKit.StartAsync(DatabaseKind.Sqlite);
        var ticket = await ConversationTests.ReportFaultAsync(kit);
        using var admin = await ConsoleClient.SignInAsync(kit.App);
        Assert.Contains("Tomar la conversación", await admin.GetPageAsync($"/folios/{ticket.Folio}"), StringComparison.Ordinal);

        var replied = await admin.PostFormAsync($"/folios/{ticket.Folio}", "respuesta", new() { ["Input.Body"] = "Hola Juan, revisamos tu línea." });

        Assert.Equal(HttpStatusCode.Found, replied.StatusCode);
        Assert.DoesNotContain("Tomar la conversación", await admin.GetPageAsync($"/folios/{ticket.Folio}"), StringComparison.Ordinal);
        Assert.NotNull(await kit.DbAsync(db => db.WhatsAppConversations.Select(c => c.TakenOverBy).SingleAsync()));
    }
}
