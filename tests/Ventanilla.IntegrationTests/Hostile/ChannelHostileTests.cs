using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Ventanilla.Channels.Email;
using Ventanilla.Data;
using Ventanilla.IntegrationTests.WhatsApp;
using Ventanilla.Messaging;
using Xunit.Abstractions;

namespace Ventanilla.IntegrationTests.Hostile;

/// <summary>
/// Hostile content through the channels' real paths: signed webhook posts through the WhatsApp
/// processor, raw MIME through the email handler. Nothing escapes as an error, every stored item
/// ends processed or flagged for a person, and a readable one is processed, never flagged.
/// </summary>
public class ChannelHostileTests(ITestOutputHelper output)
{
    /// <summary>The inbox processor runs when the test says, not also in the background beside it.</summary>
    internal static readonly Dictionary<string, string?> ByHand = new() { ["Email:RunInBackground"] = "false" };

    [Theory, BothDatabases]
    public async Task Webhook_SignedHostilePosts_AreStoredAndProcessedNeverFlagged(DatabaseKind database)
    {
        var cases = database == DatabaseKind.Sqlite ? 150 : 20;
        var input = new HostileInput(HostileInput.DefaultSeed + 3);
        output.WriteLine($"Semilla {input.Seed}, {cases} casos en {database}.");
        await using var kit = await WhatsAppKit.StartAsync(database);

        var accepted = new List<string>();
        for (var i = 0; i < cases; i++)
        {
            var id = kit.NextId();
            var post = HostilePost(input, id);
            var response = await kit.PostAsync(post);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"[semilla {input.Seed}, caso {i}] answered {(int)response.StatusCode}: {HostileRules.Cut(post)}");
            accepted.Add(id);
            if (i % 10 == 9)
            {
                await kit.PassAsync();
            }
        }

        await kit.PassAsync();
        var rows = await kit.DbAsync(db => db.Inbox.AsNoTracking().ToListAsync());
        // A post is stored as one row per message and status it carries: each post's well-formed
        // message is among them, so nothing accepted was lost.
        var stored = rows.Select(r => r.ExternalId).ToHashSet();
        Assert.All(accepted, id => Assert.Contains(id, stored));
        Assert.All(rows, row => Assert.True(row.State == InboundState.Processed, $"post {row.Id} is {row.State}: {row.Error} {HostileRules.Cut(Encoding.UTF8.GetString(row.Raw))}"));
    }

    [Theory, BothDatabases]
    public async Task MailParser_HostileRawMime_EndsProcessedOrFlaggedAndReadableMailIsFiled(DatabaseKind database)
    {
        var cases = database == DatabaseKind.Sqlite ? 120 : 15;
        var input = new HostileInput(HostileInput.DefaultSeed + 4);
        output.WriteLine($"Semilla {input.Seed}, {cases} casos en {database}.");
        await using var app = await VentanillaApp.StartAsync(database, ByHand);
        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var readable = new HashSet<long>();

        for (var i = 0; i < cases; i++)
        {
            var (raw, wellFormed) = HostileMail(input, i);
            var id = await app.WithDbAsync(async db =>
            {
                var row = InboundMessage.FromImap("contacto@netmas.mx", 1, (uint)i + 1, $"hostil-{i}@example.com", raw, now);
                db.Inbox.Add(row);
                await db.SaveChangesAsync();
                return row.Id;
            });
            if (wellFormed)
            {
                readable.Add(id);
            }
        }

        await app.Services.GetRequiredService<InboxProcessor>().ProcessPendingAsync(CancellationToken.None);

        var rows = await app.WithDbAsync(db => db.Inbox.AsNoTracking().ToListAsync());
        Assert.All(rows, row => Assert.True(row.State is InboundState.Processed or InboundState.Flagged, $"mail {row.Id} is {row.State}"));
        Assert.All(rows.Where(r => readable.Contains(r.Id)), row =>
            Assert.True(row is { State: InboundState.Processed, TicketId: not null }, $"readable mail {row.Id} is {row.State}: {row.Error} {HostileRules.Cut(Encoding.UTF8.GetString(row.Raw))}"));
    }

    // A post in Meta's envelope: a readable text message with hostile words, and hostile items around it.
    private static string HostilePost(HostileInput input, string id)
    {
        var items = new List<JsonObject> { Payloads.Text(id, input.Text(), from: input.OneIn(4) ? "5214929990000" : Payloads.Juan) };
        for (var n = input.Next(3); n > 0; n--)
        {
            var odd = Payloads.Text(id + "-" + n, input.Text());
            odd[input.Pick(["id", "type", "from", "timestamp", "text"])] = input.OddValue();
            items.Add(odd);
        }

        var post = JsonNode.Parse(Payloads.Messages([.. items]))!;
        var value = post["entry"]![0]!["changes"]![0]!["value"]!.AsObject();
        var status = Payloads.Status("wamid." + input.Text(), input.Pick(["sent", "failed", "read", input.Text()]), 131026, input.Text());
        status["errors"]![0]!["code"] = input.OneIn(2) ? input.OddValue() : 131026;
        value["statuses"] = new JsonArray(status, input.OddValue());
        value["contacts"]![0]!["profile"]!["name"] = input.OneIn(2) ? input.Text() : input.OddValue();
        return post.ToJsonString();
    }

    // Hostile words in a well-formed message, or (one in four) a message broken on purpose.
    private static (byte[] Raw, bool WellFormed) HostileMail(HostileInput input, int i)
    {
        if (input.OneIn(4))
        {
            var broken = input.Pick([
                "Subject: " + input.Text() + "\r\n\r\n" + input.Text(),
                "From: =?utf-8?B?" + Convert.ToBase64String(Encoding.UTF8.GetBytes(input.Text())) + "?= <x@\u0000>\r\nContent-Type: text/plain; charset=bogus\r\n\r\n" + input.Text(),
                "Content-Type: multipart/mixed; boundary=\"b\"\r\nFrom: a@example.com\r\n\r\n--b\r\nContent-Type: text/plain; charset=utf-7\r\n\r\n" + input.Text() + "\r\n",
                input.Text(),
            ]);
            return (Encoding.UTF8.GetBytes(broken), false);
        }

        var body = new TextPart(input.OneIn(3) ? "html" : "plain") { Text = input.Text() };
        var message = new MimeMessage([new MailboxAddress(input.Text(), $"cliente{i}@example.com")], [new MailboxAddress("Net+", "contacto@netmas.mx")],
            input.Text(), body) { MessageId = $"hostil-{i}@example.com" };
        using var raw = new MemoryStream();
        message.WriteTo(raw);
        return (raw.ToArray(), true);
    }
}
