using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Ventanilla.WhatsAppBench;

// The WhatsApp webhook under load, next to a trivial endpoint of the same service in the same run:
//   1. baseline: the webhook's GET handshake (no signature, no database) at the same rate;
//   2. webhook: signed POSTs of simulated users going through the menu to a fault report;
//   3. drain: waits (bounded) until the posted reports have become tickets, and counts them.
// Everything listens on 127.0.0.1. Run it through bench/whatsapp/run.sh.
var o = Options.Parse(args);
if (o.App.Length == 0 || !File.Exists(o.App))
{
    Console.Error.WriteLine("usage: Ventanilla.WhatsAppBench --app PATH/Ventanilla.dll [--database Sqlite|Postgres --connection CS] [--rate 1000] [--seconds 20] [--warmup 5] [--clients 64] [--drain 300] [--process true|false]");
    return 2;
}

var work = Directory.CreateTempSubdirectory("ventanilla-wa-bench").FullName;
try
{
    await using var graph = await GraphStub.StartAsync(o.GraphPort);
    using var service = await Service.StartAsync(o, graph.Url, work);
    using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = o.Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
    using var http = new HttpClient(handler) { BaseAddress = new Uri(service.Url) };
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Service.ApiKey);

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{Environment.ProcessorCount} cores, {o.Database}, target {o.Rate} req/s, {o.Clients} clients, {o.Seconds} s measured after {o.Warmup} s warm-up"));
    await Load.BaselineAsync(http, o);
    var started = Stopwatch.StartNew();
    var users = await Load.WebhookAsync(http, o);
    if (!o.Process)
    {
        Console.WriteLine("processing off: the posts were stored and left unprocessed");
        return 0;
    }

    var tickets = 0;
    var last = -1;
    var stalled = Stopwatch.StartNew();
    while (started.Elapsed < TimeSpan.FromSeconds(o.Warmup + o.Seconds + o.DrainSeconds))
    {
        tickets = await Load.TicketsAsync(http);
        if (tickets >= users)
        {
            break;
        }

        if (tickets != last)
        {
            last = tickets;
            stalled.Restart();
        }
        else if (stalled.Elapsed > TimeSpan.FromSeconds(30))
        {
            break;
        }

        await Task.Delay(1000);
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"tickets: {tickets} of {users} users who completed the menu, {started.Elapsed.TotalSeconds:F0} s after the load began ({tickets / started.Elapsed.TotalSeconds:F0} tickets/s end to end); {graph.Sent} bot replies sent"));
    return tickets >= users ? 0 : 1;
}
finally
{
    Directory.Delete(work, recursive: true);
}
