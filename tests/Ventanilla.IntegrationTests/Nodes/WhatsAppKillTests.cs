using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Channels.WhatsApp;
using Ventanilla.Data;
using Ventanilla.IntegrationTests.WhatsApp;
using Ventanilla.Messaging;

namespace Ventanilla.IntegrationTests.Nodes;

/// <summary>
/// WhatsApp users filing reports with the bot while the node is killed at random moments and once
/// while the Graph API is answering a send; Meta redelivers what did not get a 200, and some that did.
/// </summary>
[Collection(KilledNodes.Name)]
public class WhatsAppKillTests
{
    private const int Seed = 120_403;
    private const int Users = 5;

    [Fact]
    public async Task Each_users_report_becomes_one_ticket_whose_folio_answer_is_queued_once_and_reaches_whatsapp()
    {
        var killAtSend = new Random(Seed).Next(3, 9);
        await using var graph = await GraphApiServer.StartAsync();
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        var storage = Path.Combine(Path.GetTempPath(), "ventanilla-files-" + Guid.NewGuid().ToString("N"));
        await using var node = await ServiceNode.StartAsync("whatsapp", NodeSettings.Base(database, storage).WithWhatsApp(graph));
        var users = Enumerable.Range(1, Users).Select(WhatsAppUser.Numbered).ToList();
        using (var api = node.Api())
        {
            foreach (var user in users)
            {
                (await api.PostAsJsonAsync("/api/v1/subscribers", new { accountNumber = user.Account, name = user.Name, phones = new[] { user.Phone } })).EnsureSuccessStatusCode();
            }
        }

        var sends = 0;
        var killedWhileAnswering = false;
        graph.BeforeAnswer = _ =>
        {
            if (Interlocked.Increment(ref sends) == killAtSend)
            {
                // WhatsApp has the message; the node never hears its id.
                node.Kill();
                killedWhileAnswering = true;
            }

            return Task.CompletedTask;
        };
        using var stop = new CancellationTokenSource();
        var chaos = new Chaos(node, Seed, kills: 3, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(2500));
        var killing = chaos.RunAsync(stop.Token);
        var deadline = new TimeLimit(TimeSpan.FromSeconds(90));
        string Context() => NodeChecks.Context(Seed, node) + $"\nKilled while the Graph API answered send {killAtSend}: {killedWhileAnswering}.";

        try
        {
            await Task.WhenAll(users.Select(user => Task.Run(() => ConverseAsync(node, user, deadline, Context))));
            await NodeChecks.WaitForAsync(async () =>
                {
                    var filed = await FiledAsync(database);
                    return chaos.Done == 3 && filed.Count == Users
                        && users.All(u => filed.Any(t => t.Account == u.Account && FolioAnswered(graph, u, t.Folio)));
                },
                TimeSpan.FromSeconds(90), "every report filed and its folio answered",
                async () => $"Filed: {string.Join(", ", (await FiledAsync(database)).Select(t => $"{t.Account} {t.Folio}"))}; " +
                    $"{graph.Sent.Count} sends at the Graph API.\n{Context()}");
        }
        finally
        {
            await Chaos.StopAsync(stop, killing);
        }

        var context = Context();
        Assert.True(killedWhileAnswering, $"The node was never killed while the Graph API answered a send.\n{context}");
        var filed = await FiledAsync(database);
        var outbox = await NodeData.OutboxAsync(database);
        await using var db = database.OpenContext();
        foreach (var user in users)
        {
            var theirs = filed.Where(t => t.Account == user.Account).ToList();
            Assert.True(theirs.Count == 1, $"{user.Account} has {theirs.Count} tickets.\n{context}");
            var ticket = theirs[0];
            var told = await db.TimelineEntries.CountAsync(e => e.TicketId == ticket.Id && e.Body != null && e.Body.Contains(user.Description));
            Assert.True(told == 1, $"{ticket.Folio}: the description is {told} times on the timeline.\n{context}");
            var answers = outbox.Count(r => r.TicketId == ticket.Id && r.Channel == "whatsapp" && r.Body.Contains($"con el folio {ticket.Folio}", StringComparison.Ordinal));
            Assert.True(answers == 1, $"{ticket.Folio}: its folio answer was queued {answers} times.\n{context}");
            Assert.True(FolioAnswered(graph, user, ticket.Folio), $"{ticket.Folio}: its folio answer never reached the Graph API.\n{context}");
        }

        var flagged = await db.Inbox.CountAsync(m => m.State == InboundState.Flagged);
        Assert.True(flagged == 0, $"{flagged} inbound messages were flagged.\n{context}");
    }

    /// <summary>One user's three steps to a folio; each post is repeated until it gets a 200, as Meta does, and some once more after.</summary>
    /// <summary>
    /// A message without a send time (timestamp 0), which the node dates by its own clock when it
    /// arrives: the test never needs to know what time it is for the 24-hour window to be open.
    /// </summary>
    internal static System.Text.Json.Nodes.JsonObject Undated(System.Text.Json.Nodes.JsonObject message)
    {
        message["timestamp"] = "0";
        return message;
    }

    internal static async Task ConverseAsync(ServiceNode node, WhatsAppUser user, TimeLimit deadline, Func<string> context)
    {
        var random = new Random(Seed + user.Number);
        JsonObject[] steps =
        [
            Payloads.Text($"wamid.{user.Number}.1", "Hola", user.WaId),
            Payloads.ListReply($"wamid.{user.Number}.2", "menu:falla", "Reportar una falla", user.WaId),
            Payloads.Text($"wamid.{user.Number}.3", user.Description, user.WaId),
        ];
        foreach (var step in steps)
        {
            Undated(step);
            var body = Payloads.Messages(step);
            while (!await PostAsync(node, body))
            {
                Assert.True(deadline.Left, $"{user.Account}: a webhook post got no 200 by the deadline.\n{context()}");
                await Task.Delay(200);
            }

            if (random.NextDouble() < 0.3)
            {
                // Meta redelivers now and then even what got its 200.
                await PostAsync(node, body);
            }

            await Task.Delay(random.Next(100, 400));
        }
    }

    /// <summary>Posts a webhook body signed as Meta signs it; true on a 200.</summary>
    internal static async Task<bool> PostAsync(ServiceNode node, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.Add("X-Hub-Signature-256", WebhookSignature.Sign(bytes, WhatsAppKit.AppSecret));
        using var http = new HttpClient { BaseAddress = node.Address, Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var response = await http.PostAsync("/webhooks/whatsapp", content);
            return (int)response.StatusCode == 200;
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or IOException)
        {
            return false;
        }
    }

    internal static bool FolioAnswered(GraphApiServer graph, WhatsAppUser user, string? folio) =>
        folio is not null && graph.Sent.Any(m => (string?)m["to"] == user.To && m.ToJsonString().Contains(folio, StringComparison.Ordinal));

    internal static async Task<List<(long Id, string Folio, string? Account)>> FiledAsync(TestDatabase database)
    {
        await using var db = database.OpenContext();
        var rows = await db.Tickets.AsNoTracking().Select(t => new { t.Id, t.Folio, Account = t.Subscriber != null ? t.Subscriber.AccountNumber : null }).ToListAsync();
        return [.. rows.Select(t => (t.Id, t.Folio, t.Account))];
    }
}

/// <summary>A subscriber who writes from their own WhatsApp number.</summary>
internal sealed record WhatsAppUser(int Number)
{
    public static WhatsAppUser Numbered(int number) => new(number);

    public string Account => $"NM-ZAC-2{Number:D4}";
    public string Name => $"Cliente {Number}";

    /// <summary>The ten-digit number as the subscriber gives it.</summary>
    public string Phone => $"492 100 {Number:D4}";

    /// <summary>As Meta sends it (with Mexico's mobile 1) and as we answer it (without).</summary>
    public string WaId => $"521492100{Number:D4}";
    public string To => $"52492100{Number:D4}";

    public string Description => $"Sin internet en la casa {Number}; el módem parpadea en rojo";
}
