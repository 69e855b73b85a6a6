using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Ventanilla.Channels.Email;
using Ventanilla.Data;
using Ventanilla.IntegrationTests.WhatsApp;
using Ventanilla.Messaging;
using Ventanilla.Tickets;
using Ventanilla.Tickets.Inbox;

namespace Ventanilla.IntegrationTests.Hostile;

/// <summary>Each input of issue 11 that answered 500 (or lost work), now answered or filed.</summary>
public class ReportedServerErrorsTests
{
    // U+FFFE makes Unicode normalization throw; U+FDD0 is another non-character, kept out the same way.
    private const string WithNonCharacters = "Sin\uFFFE señal\uFDD0 desde ayer";

    [Theory, BothDatabases]
    public async Task Api_NewTicketWithNonCharacters_IsFiledWithoutThem(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var report = Json.Fault(WithNonCharacters);
        report["subject"] = "Falla\uFFFE";

        var (status, body, _) = await client.PostAsync("/api/v1/tickets", report);

        Assert.Equal(HttpStatusCode.Created, status);
        var stored = await client.GetJsonAsync($"/api/v1/tickets/{body.Str("folio")}");
        Assert.Equal(("Falla", "Sin señal desde ayer"), (stored.Str("subject"), stored.Str("description")));
    }

    [Theory, BothDatabases]
    public async Task Email_NewTicketWithNonCharacters_IsFiledNotFlagged(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database, ChannelHostileTests.ByHand);
        var mail = new MimeMessage([new MailboxAddress("Ana López", "ana.lopez@example.com")], [new MailboxAddress("Net+", "contacto@netmas.mx")],
            "Falla\uFFFE", new TextPart("plain") { Text = WithNonCharacters }) { MessageId = "falla-1@example.com" };

        var row = await ProcessMailAsync(app, mail);

        Assert.Equal(InboundState.Processed, row.State);
        var ticket = await app.WithDbAsync(db => db.Tickets.SingleAsync(t => t.Id == row.TicketId));
        Assert.Equal(("Falla", "Sin señal desde ayer"), (ticket.Subject, ticket.Description));
    }

    [Theory, BothDatabases]
    public async Task WhatsApp_NewTicketWithNonCharacters_IsFiledWithoutThem(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        await ConversationTests.AddJuanAsync(kit);
        await kit.DeliverAsync(Payloads.Text(kit.NextId(), "Hola"));
        await kit.DeliverAsync(Payloads.ListReply(kit.NextId(), "menu:falla", "Reportar una falla"));

        await kit.DeliverAsync(Payloads.Text(kit.NextId(), WithNonCharacters));

        Assert.Equal("Sin señal desde ayer", (await kit.TicketAsync()).Description);
    }

    [Theory, BothDatabases]
    public async Task Subscriber_NullInAddressesOrWhatsApp_Is400NamingTheItem(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var body = "{\"name\":\"Ana Ruiz\",\"addresses\":[null],\"whatsApp\":[{\"waId\":\"5214921234567\"},null]}";

        var response = await app.Api().PostAsync("/api/v1/subscribers", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"addresses[0]\"", problem, StringComparison.Ordinal);
        Assert.Contains("\"whatsApp[1]\"", problem, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Subscribers.CountAsync()));
    }

    // UTF-7 is a charset .NET knows but refuses to decode: found by the hostile-input suite.
    [Theory]
    [InlineData("bogus")]
    [InlineData("utf-7")]
    public async Task Api_BodyInACharsetNobodyDecodes_Is415ProblemInSpanish(string charset)
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite);
        using var content = new StringContent(System.Text.Json.JsonSerializer.Serialize(Json.Fault()));
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse($"application/json; charset={charset}");

        var response = await app.Api().PostAsync("/api/v1/tickets", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"«{charset}»", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    // Found by the hostile-input suite: PostgreSQL refused the 201st character of the sender's name.
    [Theory, BothDatabases]
    public async Task Email_SenderWithAVeryLongDisplayName_IsFiled(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database, ChannelHostileTests.ByHand);
        var mail = new MimeMessage([new MailboxAddress(new string('A', 300), "ana.lopez@example.com")], [new MailboxAddress("Net+", "contacto@netmas.mx")],
            "Sin señal", new TextPart("plain") { Text = "No tengo señal." }) { MessageId = "largo-1@example.com" };

        var row = await ProcessMailAsync(app, mail);

        Assert.Equal(InboundState.Processed, row.State);
        Assert.NotNull(row.TicketId);
    }

    // Found by the hostile-input suite: the error handler decoded the failed path a second time and threw on the NUL.
    [Fact]
    public async Task Api_BadBodyOnAPathThatReadsPercentZeroZero_Is400Problem()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite);

        var response = await app.Api().PostAsync("/api/v1/tickets/%2500/notes", new StringContent("{", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory, BothDatabases]
    public async Task ApiSearch_WithNul_FindsWhatTheRestOfTheWordsFind(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var client = app.Api();
        var folio = (await client.PostAsync("/api/v1/tickets", Json.Fault("El módem no enciende"))).Body.Str("folio");

        var found = await client.GetJsonAsync("/api/v1/tickets?q=" + Uri.EscapeDataString("mó\0dem"));

        Assert.Contains(folio, found.ToString(), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task InboxSearch_WithNul_FindsWhatTheRestOfTheWordsFind(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var folio = (await app.Api().PostAsync("/api/v1/tickets", Json.Fault("El módem no enciende"))).Body.Str("folio");
        var filter = new InboxFilter(InboxView.All, "nadie", null, Search: "mó\0dem");

        var page = await app.WithDbAsync(db => InboxQuery.PageAsync(db, filter, app.Now, null, 10, CancellationToken.None));

        Assert.Equal([folio], page.Rows.Select(r => r.Folio));
    }

    [Theory, BothDatabases]
    public async Task WhatsApp_StatusWithATextErrorCode_IsSkippedAndTheRestOfThePostCounts(DatabaseKind database)
    {
        await using var kit = await WhatsAppKit.StartAsync(database);
        await ConversationTests.AddJuanAsync(kit);
        await kit.DeliverAsync(Payloads.Text(kit.NextId(), "Hola"));
        var wamid = (await kit.DbAsync(db => db.Outbox.SingleAsync(m => m.Channel == ContactChannel.Whatsapp))).MessageId!;
        var bad = Payloads.Status("wamid.OTRO", "failed", 131026, "Message undeliverable");
        bad["errors"]![0]!["code"] = "no-es-un-numero";
        var post = Payloads.Statuses(bad, Payloads.Status(wamid, "delivered"));

        Assert.Equal(HttpStatusCode.OK, (await kit.PostAsync(post)).StatusCode);
        await kit.PassAsync();

        Assert.Equal(OutboxState.Delivered, (await kit.DbAsync(db => db.Outbox.SingleAsync(m => m.MessageId == wamid))).State);
        Assert.All(await kit.DbAsync(db => db.Inbox.ToListAsync()), row => Assert.Equal(InboundState.Processed, row.State));
    }

    private static async Task<InboundMessage> ProcessMailAsync(VentanillaApp app, MimeMessage mail)
    {
        using var raw = new MemoryStream();
        await mail.WriteToAsync(raw);
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var id = await app.WithDbAsync(async db =>
        {
            var row = InboundMessage.FromImap("contacto@netmas.mx", 1, 1, mail.MessageId, raw.ToArray(), now);
            db.Inbox.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });
        await app.Services.GetRequiredService<InboxProcessor>().ProcessPendingAsync(CancellationToken.None);
        return await app.WithDbAsync(db => db.Inbox.SingleAsync(m => m.Id == id));
    }
}
