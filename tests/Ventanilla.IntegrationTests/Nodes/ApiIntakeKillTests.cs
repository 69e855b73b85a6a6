using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;

namespace Ventanilla.IntegrationTests.Nodes;

/// <summary>API intake on one node killed at random moments: clients retry with their Idempotency-Key until answered.</summary>
[Collection(KilledNodes.Name)]
public class ApiIntakeKillTests
{
    private const int Seed = 120_401;
    private const int Clients = 4;
    private const int PerClient = 8;
    private const int Kills = 4;

    // Clients go on past their first requests until every kill has landed among them, up to this many each.
    private const int MostPerClient = 60;

    [Fact]
    public async Task Requests_retried_with_their_key_across_kills_are_each_filed_once_under_the_folio_they_were_told()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        var storage = Path.Combine(Path.GetTempPath(), "ventanilla-files-" + Guid.NewGuid().ToString("N"));
        await using var node = await ServiceNode.StartAsync("api", NodeSettings.Base(database, storage));
        var told = new ConcurrentDictionary<string, string>();
        var asked = new ConcurrentDictionary<string, bool>();
        var refused = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var chaos = new Chaos(node, Seed, kills: Kills, TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(1500));
        var killing = chaos.RunAsync(stop.Token);
        var deadline = new TimeLimit(TimeSpan.FromSeconds(100));

        try
        {
            await Task.WhenAll(Enumerable.Range(0, Clients).Select(c => Task.Run(() => ClientAsync(c))));
        }
        finally
        {
            await Chaos.StopAsync(stop, killing);
        }

        var context = NodeChecks.Context(Seed, node);
        Assert.True(refused.IsEmpty, $"Requests refused for good: {string.Join("; ", refused)}\n{context}");
        Assert.True(told.Count == asked.Count, $"{asked.Count} requests, {told.Count} answered.\n{context}");
        Assert.True(chaos.Done == Kills, $"Only {chaos.Done} kills landed while the clients worked: this run proves little.\n{context}");
        await using var db = database.OpenContext();
        var tickets = await db.Tickets.AsNoTracking().Select(t => new { t.Folio, t.Description }).ToListAsync();
        foreach (var (key, folio) in told)
        {
            var filed = tickets.Where(t => t.Description == Description(key)).Select(t => t.Folio).ToList();
            Assert.True(filed.Count == 1 && filed[0] == folio,
                $"Request {key} was told folio {folio}; it was filed as [{string.Join(", ", filed)}].\n{context}");
        }

        Assert.True(tickets.Count == told.Count, $"{tickets.Count} tickets for {told.Count} distinct requests.\n{context}");
        NodeChecks.AssertGapFree(tickets.Select(t => t.Folio), context);

        async Task ClientAsync(int client)
        {
            using var http = node.Api(TimeSpan.FromSeconds(10));
            for (var i = 0; i < PerClient || (chaos.Done < Kills && i < MostPerClient); i++)
            {
                var key = $"nodos-{Seed}-{client}-{i}";
                asked[key] = true;
                var body = Json.Fault(Description(key));
                for (var attempt = 1; ; attempt++)
                {
                    Assert.True(deadline.Left, $"Request {key} got no answer by the deadline ({attempt} attempts).\n{NodeChecks.Context(Seed, node)}");
                    try
                    {
                        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/tickets") { Content = JsonContent.Create(body) };
                        request.Headers.Add("Idempotency-Key", key);
                        using var response = await http.SendAsync(request);
                        if (response.IsSuccessStatusCode)
                        {
                            var answer = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
                            told[key] = answer.Str("folio");
                            await Task.Delay(100);
                            break;
                        }

                        if ((int)response.StatusCode is >= 400 and < 500 && response.StatusCode != HttpStatusCode.TooManyRequests)
                        {
                            refused.Enqueue($"{key}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                            break;
                        }
                    }
                    catch (Exception error) when (error is HttpRequestException or TaskCanceledException or IOException)
                    {
                        // The node died under the request, or is still starting: the same request, with the same key, again.
                    }

                    await Task.Delay(100);
                }
            }
        }
    }

    private static string Description(string key) => $"Solicitud {key}: no tengo internet desde ayer; el módem parpadea en rojo.";
}
