using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Ventanilla.Bench;

/// <summary>Clients that each create tickets back to back through POST /api/v1/tickets.</summary>
internal static class ApiLoad
{
    public static async Task<int> RunAsync(BenchOptions o)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = o.Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(o.Url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", o.Key);

        var measurement = new Measurement();
        var started = Stopwatch.StartNew();
        var warmup = TimeSpan.FromSeconds(o.WarmupSeconds);
        var end = warmup + TimeSpan.FromSeconds(o.Seconds);
        var workers = Enumerable.Range(0, o.Clients).Select(async worker =>
        {
            var n = 0;
            while (started.Elapsed < end)
            {
                var report = Report(worker, n++);
                var t0 = Stopwatch.GetTimestamp();
                using var response = await client.PostAsJsonAsync("/api/v1/tickets", report);
                var ms = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
                if (started.Elapsed < warmup)
                {
                    continue;
                }

                if (response.IsSuccessStatusCode)
                {
                    measurement.Add(ms);
                }
                else
                {
                    measurement.Fail();
                }
            }
        });
        await Task.WhenAll(workers);
        measurement.Print($"api {o.Clients} clients", o.Seconds);
        return measurement.Errors == 0 ? 0 : 1;
    }

    // The same shape as the row pgbench inserts: a web report with an email, so one receipt.
    private static object Report(int worker, int n) => new
    {
        kind = "fault",
        channel = "web",
        subject = "Sin internet",
        description = $"No tengo internet desde ayer; el módem parpadea en rojo. Reporte {worker}-{n}.",
        address = "Av. Hidalgo 120, Col. Centro, Zacatecas",
        subscriber = new { name = "Juan Pérez", phone = $"492{worker % 10}{n % 1_000_000:000000}", email = $"cliente{worker}@example.mx" },
    };
}
