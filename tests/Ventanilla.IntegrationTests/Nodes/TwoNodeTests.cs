using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.IntegrationTests.WhatsApp;
using Ventanilla.Messaging;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests.Nodes;

/// <summary>Two processes on one PostgreSQL, reading the same mailbox and serving the same WhatsApp account.</summary>
[Collection(KilledNodes.Name)]
public class TwoNodeTests
{
    private const int Seed = 120_404;

    [Fact]
    public async Task Two_nodes_file_each_message_once_and_hand_out_unique_gap_free_folios()
    {
        const int Emails = 10;
        const int Requests = 20;
        await using var cluster = await Cluster.StartAsync();
        var (a, b) = (cluster.A, cluster.B);
        var context = () => NodeChecks.Context(Seed, a, b);
        var user = WhatsAppUser.Numbered(1);
        using (var api = a.Api())
        {
            (await api.PostAsJsonAsync("/api/v1/subscribers", new { accountNumber = user.Account, name = user.Name, phones = new[] { user.Phone } })).EnsureSuccessStatusCode();
        }

        // The same WhatsApp message, posted to both nodes at once, as two webhook deliveries of Meta's may land.
        string[] steps =
        [
            Payloads.Messages(WhatsAppKillTests.Undated(Payloads.Text("wamid.dos.1", "Hola", user.WaId))),
            Payloads.Messages(WhatsAppKillTests.Undated(Payloads.ListReply("wamid.dos.2", "menu:falla", "Reportar una falla", user.WaId))),
            Payloads.Messages(WhatsAppKillTests.Undated(Payloads.Text("wamid.dos.3", user.Description, user.WaId))),
        ];
        foreach (var step in steps)
        {
            var answers = await Task.WhenAll(WhatsAppKillTests.PostAsync(a, step), WhatsAppKillTests.PostAsync(b, step));
            Assert.True(answers.All(ok => ok), $"A webhook post was not answered 200.\n{context()}");
            await Task.Delay(300);
        }

        var subjects = Enumerable.Range(1, Emails).Select(i => $"Falla en dos nodos {i}").ToList();
        await cluster.Mail.AppendManyAsync(subjects.Select((s, i) => EmailMessages.From($"cliente{i + 1}@example.com", s, $"Reporte: {s}.")));

        var told = new ConcurrentDictionary<int, string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, Requests), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
        {
            using var http = (i % 2 == 0 ? a : b).Api();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets") { Content = JsonContent.Create(Json.Fault($"Solicitud {i} a dos nodos: sin internet.", NoEmail)) };
            request.Headers.Add("Idempotency-Key", $"dos-nodos-{Seed}-{i}");
            using var response = await http.SendAsync(request, ct);
            Assert.True(response.IsSuccessStatusCode, $"Request {i} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}\n{context()}");
            told[i] = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ct)).Str("folio");
        });

        await NodeChecks.WaitForAsync(async () =>
            {
                var filed = await WhatsAppKillTests.FiledAsync(cluster.Database);
                var fromEmail = await EmailTicketIdsAsync(cluster.Database);
                var receipts = EmailKillTests.Receipts(await NodeData.OutboxAsync(cluster.Database)).Where(r => r.TicketId is { } id && fromEmail.Contains(id)).ToList();
                // At least: a message filed twice is for the assertions below to name.
                return filed.Count >= 1 + Emails + Requests && receipts.Count == Emails && receipts.All(r => r.State == "sent")
                    && filed.Any(t => t.Account == user.Account && WhatsAppKillTests.FolioAnswered(cluster.Graph, user, t.Folio));
            },
            TimeSpan.FromSeconds(60), "every message filed and answered",
            async () => $"{await EmailKillTests.TicketCountAsync(cluster.Database)} tickets; outbox by channel, kind and state: " +
                string.Join(", ", (await NodeData.OutboxAsync(cluster.Database)).GroupBy(r => $"{r.Channel} {r.Kind} {r.State}").Select(g => $"{g.Key} {g.Count()}")) +
                $"; {cluster.Smtp.Received.Count} at the SMTP listener; {cluster.Graph.Sent.Count} at the Graph API.\n{context()}");

        Assert.True(told.Values.Distinct().Count() == Requests, $"{Requests} requests were told {told.Values.Distinct().Count()} distinct folios.\n{context()}");
        await EmailKillTests.AssertEachEmailFiledAndAcknowledgedOnceAsync(cluster.Database, cluster.Smtp, subjects, context());
        await using var db = cluster.Database.OpenContext();
        var whatsapp = await db.Tickets.Where(t => t.Channel == ContactChannel.Whatsapp).Select(t => new { t.Id, t.Folio }).ToListAsync();
        Assert.True(whatsapp.Count == 1, $"The one WhatsApp report became {whatsapp.Count} tickets.\n{context()}");
        var ticket = whatsapp[0];
        var outbox = await NodeData.OutboxAsync(cluster.Database);
        var folioAnswer = $"con el folio {ticket.Folio}";
        var queued = outbox.Count(r => r.TicketId == ticket.Id && r.Body.Contains(folioAnswer, StringComparison.Ordinal));
        Assert.True(queued == 1, $"The folio answer of {ticket.Folio} was queued {queued} times.\n{context()}");
        var delivered = cluster.Graph.Sent.Count(m => (string?)m["to"] == user.To && m.ToJsonString().Contains(ticket.Folio, StringComparison.Ordinal));
        Assert.True(delivered == 1, $"The folio answer of {ticket.Folio} reached the Graph API {delivered} times.\n{context()}");
        var flagged = await db.Inbox.Where(m => m.State == InboundState.Flagged).Select(m => m.Channel + ": " + m.Error).ToListAsync();
        Assert.True(flagged.Count == 0, $"Flagged for an administrator: {string.Join(" | ", flagged)}\n{context()}");
        await NodeChecks.AssertGapFreeAsync(cluster.Database, context());
    }

    [Fact]
    public async Task When_one_of_two_nodes_is_killed_mid_work_the_other_finishes_what_it_had_claimed_soon_after_the_lease()
    {
        const int Emails = 20;
        await using var cluster = await Cluster.StartAsync();
        var context = () => NodeChecks.Context(Seed, cluster.A, cluster.B);
        // A slow SMTP server keeps the acknowledgements going out for seconds: the kill lands among them.
        cluster.Smtp.Delay = TimeSpan.FromMilliseconds(300);
        var subjects = Enumerable.Range(1, Emails).Select(i => $"Falla con un nodo caído {i}").ToList();
        await cluster.Mail.AppendManyAsync(subjects.Select((s, i) => EmailMessages.From($"cliente{i + 1}@example.com", s, $"Reporte: {s}.")));

        // Once every email is stored (so no mailbox read is left to the dead node), the node that read them, and so works them, dies.
        await NodeChecks.WaitForAsync(async () =>
            {
                await using var db = cluster.Database.OpenContext();
                return await db.Inbox.CountAsync() >= Emails;
            },
            TimeSpan.FromSeconds(60), "the emails stored", async () => $"{await EmailKillTests.TicketCountAsync(cluster.Database)} tickets.\n{context()}");
        var holder = await NodeData.LeaseHolderAsync(cluster.Database);
        var (victim, survivor) = holder == cluster.B.ProcessId ? (cluster.B, cluster.A) : (cluster.A, cluster.B);
        victim.Kill();
        var acknowledgedThen = cluster.Smtp.Received.Count;
        var filedThen = await EmailKillTests.TicketCountAsync(cluster.Database);
        var sinceKill = System.Diagnostics.Stopwatch.StartNew();
        Assert.True(acknowledgedThen < Emails, $"All acknowledgements were out before the kill: this run proves nothing.\n{context()}");

        // The lease (3 s) plus the survivor's worker intervals and room for a loaded machine.
        await NodeChecks.WaitForAsync(async () =>
            {
                var receipts = EmailKillTests.Receipts(await NodeData.OutboxAsync(cluster.Database));
                return await EmailKillTests.TicketCountAsync(cluster.Database) == Emails && receipts.Count == Emails
                    && receipts.All(r => r.State is "sent" or "uncertain");
            },
            NodeSettings.ClaimLease + TimeSpan.FromSeconds(30), $"{survivor.Name} to finish the work of {victim.Name}",
            async () => $"At the kill: {filedThen} tickets, {acknowledgedThen} acknowledged. Now: {await EmailKillTests.TicketCountAsync(cluster.Database)} tickets; receipts " +
                string.Join(", ", EmailKillTests.Receipts(await NodeData.OutboxAsync(cluster.Database)).GroupBy(r => r.State).Select(g => $"{g.Key} {g.Count()}")) +
                $"; {cluster.Smtp.Received.Count} at the listener; {sinceKill.Elapsed.TotalSeconds:0.0} s after the kill.\n{context()}");

        Assert.True(survivor.IsRunning, $"{survivor.Name} stopped.\n{context()}");
        await EmailKillTests.AssertEachEmailFiledAndAcknowledgedOnceAsync(cluster.Database, cluster.Smtp, subjects, context());
        await NodeChecks.AssertGapFreeAsync(cluster.Database, context());
    }

    // API requests reachable by phone only, so the SMTP listener sees the email channel's acknowledgements alone.
    private static readonly object NoEmail = new { name = "Juan Pérez", phone = "492 123 4567" };

    private static async Task<HashSet<long>> EmailTicketIdsAsync(TestDatabase database)
    {
        await using var db = database.OpenContext();
        return [.. await db.Tickets.Where(t => t.Channel == ContactChannel.Email).Select(t => t.Id).ToListAsync()];
    }

    /// <summary>One database, one Dovecot mailbox, one SMTP listener, one fake Graph API, two nodes.</summary>
    private sealed class Cluster : IAsyncDisposable
    {
        private Cluster(TestDatabase database, TestMailServer mail, TestSmtpServer smtp, GraphApiServer graph)
        {
            Database = database;
            Mail = mail;
            Smtp = smtp;
            Graph = graph;
        }

        public TestDatabase Database { get; }
        public TestMailServer Mail { get; }
        public TestSmtpServer Smtp { get; }
        public GraphApiServer Graph { get; }
        public ServiceNode A { get; private set; } = null!;
        public ServiceNode B { get; private set; } = null!;

        public static async Task<Cluster> StartAsync()
        {
            var mail = await TestMailServer.MailboxAsync("contacto@netmas.mx");
            var cluster = new Cluster(await TestDatabase.CreateAsync(DatabaseKind.Postgres), mail, TestSmtpServer.Start(), await GraphApiServer.StartAsync());
            try
            {
                var storage = Path.Combine(Path.GetTempPath(), "ventanilla-files-" + Guid.NewGuid().ToString("N"));
                var settings = NodeSettings.Base(cluster.Database, storage).WithEmail(mail, cluster.Smtp).WithWhatsApp(cluster.Graph);
                // One after the other: the first start seeds the mailbox, the account and the keys both nodes then share.
                cluster.A = await ServiceNode.StartAsync("a", settings);
                cluster.B = await ServiceNode.StartAsync("b", settings);
            }
            catch
            {
                await cluster.DisposeAsync();
                throw;
            }

            return cluster;
        }

        public async ValueTask DisposeAsync()
        {
            if (A is not null)
            {
                await A.DisposeAsync();
            }

            if (B is not null)
            {
                await B.DisposeAsync();
            }

            await Graph.DisposeAsync();
            await Smtp.DisposeAsync();
            await Database.DisposeAsync();
        }
    }
}
