using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Network.Import;

namespace Ventanilla.IntegrationTests.Network;

/// <summary>Uploads network files through the API and waits until a job has read them.</summary>
internal static class NetworkImportKit
{
    public static async Task<JsonElement> ImportAsync(this VentanillaApp app, string kind, string fileName, string content,
        string? contractColumn = null)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(kind), "kind");
        if (contractColumn is not null)
        {
            form.Add(new StringContent(contractColumn), "contractColumn");
        }

        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        using var api = app.Api();
        var response = await api.PostAsync("/api/v1/network/imports", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST answered {(int)response.StatusCode}: {body}");
        var location = response.Headers.Location!.ToString();
        // The upload woke the background job; reading the queue here too is safe, since a run is claimed once.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<NetworkImports>().RunQueuedAsync(default);
        }

        return await WaitForAsync(app, location);
    }

    public static async Task<JsonElement> WaitForAsync(VentanillaApp app, string location)
    {
        using var api = app.Api();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var run = JsonDocument.Parse(await api.GetStringAsync(location)).RootElement;
            if (run.GetProperty("state").GetString() is "done" or "failed")
            {
                return run;
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), $"The import {location} is still {run.GetProperty("state")}.");
            await Task.Delay(50);
        }
    }

    public static (int Created, int Updated, int Unchanged, int Refused) Counts(this JsonElement run) => (
        run.GetProperty("created").GetInt32(), run.GetProperty("updated").GetInt32(),
        run.GetProperty("unchanged").GetInt32(), run.GetProperty("refused").GetInt32());

    public static List<(int Row, string Reason)> Refusals(this JsonElement run) =>
        [.. run.GetProperty("refusals").EnumerateArray().Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("reason").GetString()!))];
}
