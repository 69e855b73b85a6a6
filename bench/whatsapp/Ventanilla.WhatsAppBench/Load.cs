using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Ventanilla.WhatsAppBench;

/// <summary>Latencies of one run, and the figures quoted from them.</summary>
internal sealed class Measurement(string label)
{
    private readonly List<double> millis = [];
    private readonly Lock gate = new();
    private int errors;

    public void Add(double ms)
    {
        lock (gate)
        {
            millis.Add(ms);
        }
    }

    public void Fail() => Interlocked.Increment(ref errors);

    public void Print(double seconds)
    {
        millis.Sort();
        double P(double q) => millis.Count == 0 ? double.NaN : millis[Math.Min(millis.Count - 1, (int)(q * millis.Count))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-28} {millis.Count / seconds,7:F0} req/s  p50 {P(0.50),6:F1} ms  p99 {P(0.99),6:F1} ms  max {P(1),7:F1} ms  ({millis.Count} in {seconds:F0} s, {errors} errors)"));
    }
}

/// <summary>Simulated WhatsApp users, each going through the menu to a fault report, posted signed at a fixed rate.</summary>
internal static class Load
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes(Service.AppSecret);

    /// <summary>The trivial endpoint: the webhook's GET handshake, which touches nothing but the HTTP stack.</summary>
    public static async Task BaselineAsync(HttpClient http, Options o)
    {
        var pacer = new Pacer(o.Rate);
        var measured = new Measurement("baseline GET handshake");
        var warmup = TimeSpan.FromSeconds(o.Warmup);
        var end = warmup + TimeSpan.FromSeconds(o.Seconds);
        await Task.WhenAll(Enumerable.Range(0, o.Clients).Select(async _ =>
        {
            while (await pacer.NextAsync(end))
            {
                var counted = pacer.Elapsed >= warmup;
                var t0 = Stopwatch.GetTimestamp();
                using var response = await http.GetAsync("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=bench-verify&hub.challenge=42");
                Record(measured, counted, response.IsSuccessStatusCode, t0);
            }
        }));
        measured.Print(o.Seconds);
    }

    /// <summary>Answers how many users posted all four of their messages (each should become a ticket).</summary>
    public static async Task<int> WebhookAsync(HttpClient http, Options o)
    {
        var pacer = new Pacer(o.Rate);
        var measured = new Measurement("webhook POST (signed)");
        var warmup = TimeSpan.FromSeconds(o.Warmup);
        var end = warmup + TimeSpan.FromSeconds(o.Seconds);
        var nextUser = 0;
        var complete = 0;
        var nextMessage = 0L;
        await Task.WhenAll(Enumerable.Range(0, o.Clients).Select(async _ =>
        {
            while (true)
            {
                var user = Interlocked.Increment(ref nextUser);
                var waId = "521492" + (1_000_000 + user).ToString("0000000", CultureInfo.InvariantCulture);
                string[] texts = ["Hola", "1", "OMITIR", $"Sin internet desde ayer, usuario {user}"];
                foreach (var text in texts)
                {
                    if (!await pacer.NextAsync(end))
                    {
                        return;
                    }

                    var counted = pacer.Elapsed >= warmup;
                    var body = Payload(waId, $"wamid.BENCH.{Interlocked.Increment(ref nextMessage)}", text);
                    using var content = new ByteArrayContent(body);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    content.Headers.Add("X-Hub-Signature-256", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Secret, body)));
                    var t0 = Stopwatch.GetTimestamp();
                    using var response = await http.PostAsync("/webhooks/whatsapp", content);
                    Record(measured, counted, response.IsSuccessStatusCode, t0);
                }

                Interlocked.Increment(ref complete);
            }
        }));
        measured.Print(o.Seconds);
        return complete;
    }

    /// <summary>WhatsApp tickets in the service, counted through the API.</summary>
    public static async Task<int> TicketsAsync(HttpClient http)
    {
        var count = 0;
        for (var page = 1; ; page++)
        {
            using var response = await http.GetAsync($"/api/v1/tickets?channel=whatsapp&pageSize=100&page={page}");
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
            count += json.RootElement.GetProperty("items").GetArrayLength();
            if (!json.RootElement.GetProperty("hasMore").GetBoolean())
            {
                return count;
            }
        }
    }

    private static void Record(Measurement m, bool counted, bool ok, long t0)
    {
        var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        if (!counted)
        {
            return;
        }

        if (ok)
        {
            m.Add(ms);
        }
        else
        {
            m.Fail();
        }
    }

    private static byte[] Payload(string waId, string id, string text)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return JsonSerializer.SerializeToUtf8Bytes(new
        {
            @object = "whatsapp_business_account",
            entry = new[]
            {
                new
                {
                    id = "WABA-BENCH",
                    changes = new[]
                    {
                        new
                        {
                            field = "messages",
                            value = new
                            {
                                messaging_product = "whatsapp",
                                metadata = new { display_phone_number = "524924781000", phone_number_id = "1098765432" },
                                contacts = new[] { new { wa_id = waId, profile = new { name = "Cliente de prueba" } } },
                                messages = new[] { new { from = waId, id, timestamp = now, type = "text", text = new { body = text } } },
                            },
                        },
                    },
                },
            },
        });
    }
}
