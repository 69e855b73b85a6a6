using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Ventanilla.Network.Import;

namespace Ventanilla.Bench;

/// <summary>
/// A provider's whole network through the real import path: ~2,000 nodes, then 100,000 services
/// uploaded twice through the API (the second run finds nothing to change), each timed from the
/// upload to the run's end, next to the time it takes just to parse the same file in this process.
/// </summary>
internal static class NetworkImportBench
{
    public static async Task<int> RunAsync(BenchOptions o)
    {
        var services = o.Services;
        var (nodes, aps) = Nodes(towers: 20, apsPerTower: 99);
        var servicesCsv = Services(services, aps);
        Console.WriteLine($"file: {aps.Count + 20} nodes, {services:N0} services, {servicesCsv.Length / 1024.0 / 1024.0:F1} MB");

        var parse = Stopwatch.StartNew();
        var parsed = CsvParsers.Services(Csv.Decode(servicesCsv));
        parse.Stop();
        Console.WriteLine($"baseline parse only: {parse.Elapsed.TotalSeconds:F2} s ({parsed.Rows.Count:N0} rows)");

        using var http = new HttpClient { BaseAddress = new Uri(o.Url), Timeout = TimeSpan.FromMinutes(10) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", o.Key);
        await TimeAsync(http, "nodes", "nodes_csv", nodes);
        await TimeAsync(http, "services, first run", "services_csv", servicesCsv);
        await TimeAsync(http, "services, second run", "services_csv", servicesCsv);
        return 0;
    }

    private static async Task TimeAsync(HttpClient http, string label, string kind, byte[] file)
    {
        var watch = Stopwatch.StartNew();
        using var form = new MultipartFormDataContent { { new StringContent(kind), "kind" }, { new ByteArrayContent(file), "file", kind + ".csv" } };
        var response = await http.PostAsync("/api/v1/network/imports", form);
        response.EnsureSuccessStatusCode();
        var location = response.Headers.Location!.ToString();
        JsonElement run;
        do
        {
            await Task.Delay(200);
            run = JsonDocument.Parse(await http.GetStringAsync(location)).RootElement;
        }
        while (run.GetProperty("state").GetString() is "queued" or "running");

        watch.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {watch.Elapsed.TotalSeconds:F2} s, state {run.GetProperty("state")}, created {run.GetProperty("created")}, updated {run.GetProperty("updated")}, unchanged {run.GetProperty("unchanged")}, refused {run.GetProperty("refused")}"));
    }

    private static (byte[] File, List<string> AccessPoints) Nodes(int towers, int apsPerTower)
    {
        var csv = new StringBuilder("codigo,nombre,tipo,padre,codigos_postales,colonias\n");
        var aps = new List<string>();
        for (var t = 1; t <= towers; t++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"TORRE-{t:D2},Torre {t},torre,,{06000 + t:D5},Colonia {t}\n");
            for (var a = 1; a <= apsPerTower; a++)
            {
                var code = $"AP-{t:D2}-{a:D3}";
                aps.Add(code);
                csv.Append(CultureInfo.InvariantCulture, $"{code},Sector {a} de la torre {t},sector,TORRE-{t:D2},,\n");
            }
        }

        return (Encoding.UTF8.GetBytes(csv.ToString()), aps);
    }

    private static byte[] Services(int count, List<string> aps)
    {
        var csv = new StringBuilder("servicio,contrato,nodo,estado,plan,precio_mensual,dia_corte,calle,colonia,codigo_postal\n");
        for (var i = 1; i <= count; i++)
        {
            var state = i % 20 == 0 ? "suspendido" : "activo";
            csv.Append(CultureInfo.InvariantCulture,
                $"SRV-{i:D7},CTR-{i:D7},{aps[i % aps.Count]},{state},Hogar {(i % 3 + 1) * 50},{349 + i % 3 * 100}.00,{i % 28 + 1},Calle {i % 500} número {i % 97},Colonia {i % 40},{06000 + i % 40:D5}\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
