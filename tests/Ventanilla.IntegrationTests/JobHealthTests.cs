using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Data;
using Ventanilla.Deadlines.Rules;

namespace Ventanilla.IntegrationTests;

/// <summary>/health tells which background job is failing and why, and when each last succeeded.</summary>
public class JobHealthTests
{
    [Theory, BothDatabases]
    public async Task Health_ShowsAJobThatKeepsFailingDegradedWithItsError_AndHealthyWithItsLastSuccessOnceItRecovers(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var rules = app.Services.GetRequiredService<FollowUpDirectory>();
        // The rules' re-read needs this row: without it every pass of the job fails.
        await app.WithDbAsync(db => db.Set<FollowUpRevision>().ExecuteDeleteAsync());

        for (var pass = 0; pass < 3; pass++)
        {
            await rules.RunOnceAsync(CancellationToken.None);
        }

        var degradedText = await app.CreateClient().GetStringAsync("/health");
        var degraded = await HealthAsync(app);
        await app.WithDbAsync(db =>
        {
            db.Add(new FollowUpRevision());
            return db.SaveChangesAsync();
        });
        var before = app.Clock.GetUtcNow();
        await rules.RunOnceAsync(CancellationToken.None);
        var healthy = await HealthAsync(app);

        Assert.Equal("Degraded", degradedText);
        Assert.Equal("Degraded", degraded.GetProperty("status").GetString());
        var failing = degraded.GetProperty("checks").GetProperty("jobs").GetProperty("data").GetProperty(nameof(FollowUpDirectory));
        Assert.Equal("degraded", failing.GetProperty("status").GetString());
        Assert.Equal(3, failing.GetProperty("consecutiveFailures").GetInt32());
        Assert.StartsWith("InvalidOperationException:", failing.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, failing.GetProperty("lastSuccess").ValueKind);
        Assert.Equal("Healthy", healthy.GetProperty("status").GetString());
        var well = healthy.GetProperty("checks").GetProperty("jobs").GetProperty("data").GetProperty(nameof(FollowUpDirectory));
        Assert.Equal(("ok", 0), (well.GetProperty("status").GetString(), well.GetProperty("consecutiveFailures").GetInt32()));
        Assert.InRange(well.GetProperty("lastSuccess").GetDateTimeOffset(), before, app.Clock.GetUtcNow());
    }

    private static async Task<JsonElement> HealthAsync(VentanillaApp app)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var response = await app.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
