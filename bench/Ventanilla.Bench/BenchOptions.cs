using System.Globalization;

namespace Ventanilla.Bench;

internal sealed record BenchOptions(string Mode, string Url, string Key, int Clients, int Seconds, int WarmupSeconds, string File, int Services)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string Get(string name, string fallback) => values.TryGetValue(name, out var v) ? v : fallback;
        int Int(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        return new BenchOptions(
            args.Length > 0 ? args[0] : "",
            Get("url", "http://127.0.0.1:5080"),
            Get("key", Environment.GetEnvironmentVariable("VENTANILLA_BENCH_KEY") ?? ""),
            Int("clients", 32),
            Int("seconds", 20),
            Int("warmup", 3),
            Get("file", Path.Combine(Path.GetTempPath(), "ventanilla-ceiling.db")),
            Int("services", 100_000));
    }

    public static int Usage()
    {
        Console.Error.WriteLine("""
            usage: Ventanilla.Bench load --url URL --key KEY [--clients 32] [--seconds 20] [--warmup 3]
                   Ventanilla.Bench sqlite-ceiling [--file PATH] [--clients 32] [--seconds 20] [--warmup 3]
                   Ventanilla.Bench network-import --url URL --key KEY [--services 100000]
            """);
        return 2;
    }
}

/// <summary>Latencies of one run, and the figures quoted from them.</summary>
internal sealed class Measurement
{
    private readonly List<double> millis = [];
    private readonly Lock gate = new();

    public int Errors { get; private set; }

    public void Add(double ms)
    {
        lock (gate)
        {
            millis.Add(ms);
        }
    }

    public void Fail()
    {
        lock (gate)
        {
            Errors++;
        }
    }

    public void Print(string label, double seconds)
    {
        millis.Sort();
        double P(double q) => millis.Count == 0 ? double.NaN : millis[Math.Min(millis.Count - 1, (int)(q * millis.Count))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {millis.Count / seconds:F0} tickets/s  p50 {P(0.50):F1} ms  p99 {P(0.99):F1} ms  ({millis.Count} in {seconds:F0} s, {Errors} errors)"));
    }
}
