using System.Net;
using System.Text;
using System.Text.Json;
using Ventanilla.Channels.WhatsApp;
using Ventanilla.Data;
using Ventanilla.Network.Outages;
using static Ventanilla.IntegrationTests.Outages.OutageDeskWorld;

namespace Ventanilla.IntegrationTests.Outages;

/// <summary>A monitoring system declaring outages through the signed webhook.</summary>
public class MonitoringWebhookTests
{
    [Theory, BothDatabases]
    public async Task An_unsigned_or_wrongly_signed_alert_is_refused_and_declares_nothing(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        await TreeAsync(app, ("OLT-1", null));
        var body = Generic("zbx-1", "firing", "OLT-1");

        var unsigned = await PostAsync(app, body, signature: null);
        var forged = await PostAsync(app, body, WebhookSignature.Sign(Encoding.UTF8.GetBytes(body), "otro-secreto"));

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Empty(await OutagesAsync(app));
    }

    [Theory, BothDatabases]
    public async Task A_signed_alert_declares_one_outage_and_the_same_alert_again_answers_200_with_it(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        await TreeAsync(app, ("OLT-1", null), ("PON-1", "OLT-1"), ("PON-2", "OLT-1"));
        var body = Generic("zbx-1", "firing", "PON-1");

        var first = await PostAsync(app, body);
        var repeat = await PostAsync(app, body);
        var wider = await PostAsync(app, Generic("zbx-1", "firing", "PON-1,PON-2"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal(Id(await first.Content.ReadAsStringAsync()), Id(await repeat.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, wider.StatusCode);
        var outage = Assert.Single(await OutagesAsync(app));
        Assert.Equal(OutageSource.Monitoring, outage.Source);
        Assert.Equal(OutageStatus.Investigating, outage.Status);
        Assert.Equal("monitoring:zbx-1", outage.ExternalKey);
        Assert.Equal("Enlace caído", outage.Title);
        Assert.Equal(2, outage.Nodes.Count);
    }

    [Theory, BothDatabases]
    public async Task A_resolved_alert_restores_at_its_end_only_an_outage_no_person_has_taken_over(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        await TreeAsync(app, ("OLT-1", null), ("OLT-2", null));
        await PostAsync(app, Generic("a", "firing", "OLT-1", startedAt: app.Now.AddMinutes(-30)));
        await PostAsync(app, Generic("b", "firing", "OLT-2", startedAt: app.Now.AddMinutes(-30)));
        var taken = (await OutagesAsync(app)).Single(o => o.ExternalKey == "monitoring:b").Id;
        await app.Api().PostAsync($"/api/v1/outages/{taken}/status", new { status = "identified" });
        var ended = app.Now.AddMinutes(-1);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(app, Generic("a", "resolved", "OLT-1", ended))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(app, Generic("b", "resolved", "OLT-2", ended))).StatusCode);

        var outages = await OutagesAsync(app);
        var own = outages.Single(o => o.ExternalKey == "monitoring:a");
        Assert.Equal(OutageStatus.Restored, own.Status);
        Assert.Equal(ended, own.RestoredAt!.Value, TimeSpan.FromSeconds(1));
        var person = outages.Single(o => o.Id == taken);
        Assert.Equal(OutageStatus.Identified, person.Status);
        Assert.Contains(person.Timeline, e => e.Type == OutageEntryType.Note && e.Body!.Contains("alerta resuelta", StringComparison.Ordinal));
    }

    [Theory, BothDatabases]
    public async Task Alertmanagers_own_webhook_payload_declares_by_fingerprint_and_an_unknown_node_is_422(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        await TreeAsync(app, ("OLT-1", null));
        var started = app.Now.AddMinutes(-10);
        var alertmanager = JsonSerializer.Serialize(new
        {
            version = "4", status = "firing", receiver = "ventanilla",
            alerts = new[]
            {
                new
                {
                    status = "firing", fingerprint = "c0ffee12", labels = new { alertname = "OltDown", node = "OLT-1" },
                    annotations = new { summary = "La OLT 1 no responde" }, startsAt = started.ToString("O"), endsAt = "0001-01-01T00:00:00Z",
                },
            },
        });
        var unknown = JsonSerializer.Serialize(new
        {
            alerts = new[] { new { status = "firing", fingerprint = "bad", labels = new { node = "OLT-9" }, startsAt = started.ToString("O") } },
        });

        var declared = await PostAsync(app, alertmanager);
        var refused = await PostAsync(app, unknown);

        Assert.Equal(HttpStatusCode.Created, declared.StatusCode);
        var outage = Assert.Single(await OutagesAsync(app));
        Assert.Equal("monitoring:c0ffee12", outage.ExternalKey);
        Assert.Equal("La OLT 1 no responde", outage.Title);
        Assert.Equal(started, outage.StartedAt, TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("«OLT-9»", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, BothDatabases]
    public async Task A_system_that_cannot_sign_may_send_the_secret_as_a_bearer_token_and_a_wrong_one_is_refused(DatabaseKind database)
    {
        await using var app = await StartAsync(database);
        await TreeAsync(app, ("OLT-1", null));
        var body = Generic("am-1", "firing", "OLT-1");

        var wrong = await PostAsync(app, body, signature: null, bearer: "otro-secreto");
        var right = await PostAsync(app, body, signature: null, bearer: MonitoringSecret);

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Created, right.StatusCode);
        Assert.Single(await OutagesAsync(app));
    }

    private static string Generic(string id, string status, string node, DateTime? endedAt = null, DateTime? startedAt = null) => JsonSerializer.Serialize(new
    {
        alert_id = id, status, node, summary = "Enlace caído", started_at = startedAt?.ToString("O"), ended_at = endedAt?.ToString("O"),
    });

    private static long Id(string json) => JsonDocument.Parse(json).RootElement.GetProperty("outages")[0].GetProperty("id").GetInt64();

    private static async Task<HttpResponseMessage> PostAsync(VentanillaApp app, string body, string? signature = "", string? bearer = null)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/monitoring") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        var sign = signature == "" ? WebhookSignature.Sign(Encoding.UTF8.GetBytes(body), MonitoringSecret) : signature;
        if (sign is not null)
        {
            request.Headers.Add(MonitoringWebhook.SignatureHeader, sign);
        }

        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        return await client.SendAsync(request);
    }
}
