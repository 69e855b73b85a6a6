using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using Ventanilla.Data;
using Ventanilla.Hosting;

namespace Ventanilla.Network.Compensation;

/// <summary>
/// One approved line to announce to the billing system. Written with the approval, deleted never:
/// a delivery that fails waits and is tried again, so no approval is lost.
/// </summary>
public sealed class CompensationWebhook
{
    public const string SignatureHeader = "X-Ventanilla-Signature";

    private CompensationWebhook()
    {
    }

    public long Id { get; private set; }
    public long LineId { get; private set; }
    public string Payload { get; private set; } = "";
    public int Attempts { get; private set; }
    public DateTime NextAttemptAt { get; private set; }
    public DateTime? DeliveredAt { get; private set; }
    public string? LastError { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public static CompensationWebhook For(long lineId, string payload, DateTime now) =>
        new() { LineId = lineId, Payload = payload, NextAttemptAt = now, CreatedAt = now };

    /// <summary><c>sha256=</c> and the hex HMAC-SHA256 of the body under the shared secret, as GitHub and Meta sign theirs.</summary>
    public static string Sign(string body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    public void Delivered(DateTime now)
    {
        Attempts++;
        DeliveredAt = now;
        LastError = null;
    }

    /// <summary>Waits 1, 2, 4… minutes after each failure, at most a day.</summary>
    public void Failed(string error, DateTime now)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        NextAttemptAt = now + TimeSpan.FromMinutes(Math.Min(24 * 60, Math.Pow(2, Math.Min(Attempts - 1, 11))));
    }
}

internal sealed class CompensationWebhookConfiguration : IEntityTypeConfiguration<CompensationWebhook>
{
    public void Configure(EntityTypeBuilder<CompensationWebhook> b)
    {
        b.ToTable("compensation_webhooks");
        b.Property(w => w.LastError).HasMaxLength(1000);
        b.HasOne<CompensationLine>().WithMany().HasForeignKey(w => w.LineId).OnDelete(DeleteBehavior.Restrict);
        // One announcement per approval: an approval is never made twice.
        b.HasIndex(w => w.LineId).IsUnique();
        b.HasIndex(w => new { w.DeliveredAt, w.NextAttemptAt });
    }
}

/// <summary>Posts waiting webhook deliveries, signed, one at a time; a failure is retried with a growing wait.</summary>
public sealed class CompensationWebhookSender(IServiceScopeFactory scopes, IHttpClientFactory http, IOptions<CompensationOptions> options,
    TimeProvider clock, ILogger<CompensationWebhookSender> log) : PeriodicJob(clock, log)
{
    protected override TimeSpan Interval => options.Value.WebhookEvery;

    protected override async Task RunPassAsync(CancellationToken ct) => await SendDueAsync(ct);

    /// <summary>Sends what is due; answers how many were delivered.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.WebhookUrl))
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        var now = Clock.GetUtcNow().UtcDateTime;
        var due = await db.Set<CompensationWebhook>().Where(w => w.DeliveredAt == null && w.NextAttemptAt <= now)
            .OrderBy(w => w.Id).Take(100).ToListAsync(ct);
        var delivered = 0;
        var client = http.CreateClient(nameof(CompensationWebhookSender));
        foreach (var delivery in due)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, settings.WebhookUrl)
            {
                Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add(CompensationWebhook.SignatureHeader, CompensationWebhook.Sign(delivery.Payload, settings.WebhookSecret ?? ""));
            request.Headers.Add("X-Ventanilla-Delivery", delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            try
            {
                using var response = await client.SendAsync(request, ct);
                if (response.IsSuccessStatusCode)
                {
                    delivery.Delivered(Clock.GetUtcNow().UtcDateTime);
                    delivered++;
                }
                else
                {
                    delivery.Failed($"HTTP {(int)response.StatusCode}", Clock.GetUtcNow().UtcDateTime);
                }
            }
            catch (HttpRequestException error)
            {
                log.LogWarning(error, "Compensation webhook {Id} failed", delivery.Id);
                delivery.Failed(error.Message, Clock.GetUtcNow().UtcDateTime);
            }

            await db.SaveChangesAsync(ct);
        }

        return delivered;
    }
}
