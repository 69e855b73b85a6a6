using System.Globalization;

namespace Ventanilla.WhatsAppBench;

internal sealed record Options(string App, string Database, string Connection, int Port, int GraphPort, int Rate, int Seconds, int Warmup, int Clients, int DrainSeconds, bool Process)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string Get(string name, string fallback) => values.TryGetValue(name, out var v) ? v : fallback;
        int Int(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        return new Options(
            Get("app", ""), Get("database", "Sqlite"), Get("connection", ""),
            Int("port", 5190), Int("graph-port", 5191),
            // Bounded: at most 5,000 posts a second for at most two minutes.
            Math.Clamp(Int("rate", 1000), 1, 5000), Math.Clamp(Int("seconds", 20), 1, 120), Math.Clamp(Int("warmup", 5), 0, 60),
            Math.Clamp(Int("clients", 64), 1, 512), Math.Clamp(Int("drain", 300), 0, 1800),
            // false: the webhook alone, with this service storing posts and not processing them.
            Get("process", "true") != "false");
    }
}
