using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Data;
using Ventanilla.Network.Compensation;

namespace Ventanilla.IntegrationTests.Compensation;

public class CompensationApprovalTests
{
    [Theory, BothDatabases]
    public async Task Approving_a_waiting_line_queues_the_subscribers_notice_and_a_signed_webhook_retried_after_a_failure(DatabaseKind database)
    {
        await using var billing = await BillingListener.StartAsync();
        await using var app = await CompensationWorld.StartAsync(database, billing.Url);
        var sector = await app.NodeAsync("SECTOR-APR");
        await app.ServiceAsync("S-APR", sector, 1000m, 15);
        await app.RestoredOutageAsync(TimeSpan.FromDays(3), attributable: true, sector);
        await app.ComputeAsync();
        var line = Assert.Single(await app.LinesAsync());
        Assert.Equal(CompensationState.Proposed, line.State);
        var area = app.Api(await app.CreateApiKeyAsync("area"));

        Assert.Equal(HttpStatusCode.Forbidden, (await area.PostAsync($"/api/v1/compensation/lines/{line.Id}/approve", new { })).Status);
        var approved = await app.Api().PostAsync($"/api/v1/compensation/lines/{line.Id}/approve", new { });
        Assert.Equal(HttpStatusCode.OK, approved.Status);
        Assert.Equal("approved", approved.Body.Str("state"));
        Assert.Equal(HttpStatusCode.Conflict, (await app.Api().PostAsync($"/api/v1/compensation/lines/{line.Id}/approve", new { })).Status);

        var notice = await app.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Body.StartsWith("Se bonificarán")).ToListAsync());
        var text = Assert.Single(notice).Body;
        Assert.Equal($"Se bonificarán $120.00 en tu próximo estado de cuenta por 3 días sin servicio (FM-{line.OutageId:D6}).", text);

        var sender = app.Services.GetRequiredService<CompensationWebhookSender>();
        billing.FailNext(1);
        Assert.Equal(0, await sender.SendDueAsync());
        // The failed delivery waits a minute before its next try.
        Assert.Equal(0, await sender.SendDueAsync());
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await sender.SendDueAsync());
        Assert.Equal(0, await sender.SendDueAsync());

        var posts = billing.Received.ToArray();
        Assert.Equal([500, 200], posts.Select(p => p.Answered));
        var (body, signature, _) = posts[1];
        Assert.Equal(CompensationWebhook.Sign(body, "secreto-de-prueba"), signature);
        Assert.StartsWith("sha256=", signature, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        Assert.Equal((line.Id, "approved", 120.00m), (json.RootElement.GetProperty("id").GetInt64(), json.RootElement.Str("state"),
            json.RootElement.GetProperty("amountMxn").GetDecimal()));
    }

    [Theory, BothDatabases]
    public async Task Approved_lines_export_as_csv_and_come_back_applied_by_api_and_by_import_idempotently(DatabaseKind database)
    {
        await using var app = await CompensationWorld.StartAsync(database);
        var sector = await app.NodeAsync("SECTOR-EXP");
        await app.ServiceAsync("S-EXP-1", sector, 500m, 15);
        await app.ServiceAsync("S-EXP-2", sector, 250m, 15);
        await app.RestoredOutageAsync(TimeSpan.FromDays(3), attributable: true, sector);
        await app.ComputeAsync();
        var lines = await app.LinesAsync();
        Assert.All(lines, l => Assert.Equal(CompensationState.Approved, l.State));
        var client = app.Api();

        var csv = await client.GetStringAsync("/api/v1/compensation/export.csv?state=approved&cutoff=2026-05-15");
        var rows = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Línea,Estado,Origen,Referencia,Servicio", rows[0], StringComparison.Ordinal);
        Assert.Equal(3, rows.Length);
        Assert.Contains(",aprobada,falla masiva,FM-", rows[1], StringComparison.Ordinal);
        // Times in Mexico City: the outage began 10 May at 10:00 there.
        Assert.Contains(",2026-05-10 10:00,2026-05-13 10:00,4320,500.00,", rows[1], StringComparison.Ordinal);
        Assert.Contains(",50.00,10.00,60.00,2026-05-15,1,", rows[1], StringComparison.Ordinal);
        Assert.Contains(",25.00,5.00,30.00,", rows[2], StringComparison.Ordinal);

        var first = lines[0].Id;
        var url = $"/api/v1/compensation/lines/{first}/applied";
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync(url, new { reference = "NC-123" })).Status);
        var again = await client.PostAsync(url, new { reference = "NC-123" });
        Assert.Equal((HttpStatusCode.OK, "applied", "NC-123"), (again.Status, again.Body.Str("state"), again.Body.Str("appliedReference")));
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync(url, new { reference = "NC-999" })).Status);

        var answer = $"linea,referencia\n{first},NC-123\n{lines[1].Id},NC-124\n999999,NC-1\n";
        var imported = await client.PostAsync("/api/v1/compensation/applied-import", new StringContent(answer, Encoding.UTF8, "text/csv"));
        using var result = JsonDocument.Parse(await imported.Content.ReadAsStringAsync());
        Assert.Equal((1, 1), (result.RootElement.GetProperty("applied").GetInt32(), result.RootElement.GetProperty("unchanged").GetInt32()));
        Assert.Contains("999999", Assert.Single(result.RootElement.GetProperty("refused").EnumerateArray()).GetString(), StringComparison.Ordinal);
        var twice = await client.PostAsync("/api/v1/compensation/applied-import", new StringContent(answer, Encoding.UTF8, "text/csv"));
        using var second = JsonDocument.Parse(await twice.Content.ReadAsStringAsync());
        Assert.Equal((0, 2), (second.RootElement.GetProperty("applied").GetInt32(), second.RootElement.GetProperty("unchanged").GetInt32()));

        var applied = await client.GetJsonAsync("/api/v1/compensation/lines?state=applied");
        Assert.Equal(["NC-123", "NC-124"], applied.EnumerateArray().Select(l => l.Str("appliedReference")).Order());
    }
}
