using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ventanilla.Channels.WhatsApp;
using Ventanilla.Data;
using Ventanilla.Tickets;
using Ventanilla.Web;

namespace Ventanilla.Network.Outages;

/// <summary>
/// Where a monitoring system (Zabbix, LibreNMS, UISP, Alertmanager) declares outages: signed with the
/// shared secret, idempotent by alert id. A firing alert declares an outage or adds nodes to the one
/// it opened; a resolved one restores it only while no person has taken it over (see docs/outages.md).
/// </summary>
public static class MonitoringWebhook
{
    public const string SignatureHeader = "X-Ventanilla-Signature";
    public static readonly Actor Monitoring = new("monitoring", "Sistema de monitoreo");
    private const int MaxBody = 256 * 1024;

    /// <summary>
    /// Alertmanager, LibreNMS and UISP can send a fixed header but cannot sign a body: for them the
    /// secret itself, as <c>Authorization: Bearer</c>, over HTTPS. Compared in constant time.
    /// </summary>
    internal static bool BearerMatches(string? header, string? secret)
    {
        const string Scheme = "Bearer ";
        if (string.IsNullOrEmpty(secret) || header is null || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var given = System.Text.Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim());
        var wanted = System.Text.Encoding.UTF8.GetBytes(secret);
        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Security.Cryptography.SHA256.HashData(given), System.Security.Cryptography.SHA256.HashData(wanted));
    }

    public static void MapMonitoringWebhook(this WebApplication app) =>
        app.MapPost("/webhooks/monitoring", ReceiveAsync).AllowAnonymous().WithTags("Outages");

    public static async Task<Results<Ok<MonitoringResponse>, Created<MonitoringResponse>, UnauthorizedHttpResult, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, VentanillaDbContext db, IOptions<OutageOptions> options, TimeProvider clock, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBody)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "La alerta es demasiado grande.");
        }

        var raw = buffer.ToArray();
        // Checked over the bytes as they came, and refused outright without a configured secret.
        if (!WebhookSignature.IsValid(request.Headers[SignatureHeader], raw, options.Value.MonitoringSecret)
            && !BearerMatches(request.Headers.Authorization, options.Value.MonitoringSecret))
        {
            return TypedResults.Unauthorized();
        }

        var (alerts, problem) = MonitoringAlert.Read(raw);
        if (problem is not null)
        {
            return Unprocessable(problem);
        }

        var (nodes, unknown) = await OutageQueries.NodesByCodeAsync(db, alerts.SelectMany(a => a.Nodes), ct);
        if (unknown.Count > 0)
        {
            return Unprocessable($"No existe ningún nodo con el código {string.Join(", ", unknown.Select(c => $"«{c}»"))}; no se declaró nada.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var answers = new List<(Outage Outage, bool Created)>();
        foreach (var alert in alerts)
        {
            var key = alert.ExternalKey;
            var outage = await db.Outages.AsSplitQuery().Include(o => o.Nodes).Include(o => o.Timeline).FirstOrDefaultAsync(o => o.ExternalKey == key, ct);
            var hit = nodes.Where(n => alert.Nodes.Contains(n.Code)).ToList();
            if (outage is null && !alert.Firing)
            {
                continue; // resolved before Ventanilla heard it fire: nothing to do
            }

            if (outage is null)
            {
                var started = alert.StartedAt is { } s && s <= now ? s : now;
                var title = Text.Clean(alert.Summary) is { } summary ? summary[..Math.Min(summary.Length, Outage.TitleLength)] : $"Alerta de monitoreo en {string.Join(", ", alert.Nodes)}";
                outage = Outage.Declare(new OutageDraft(OutageKind.Unplanned, title, hit, started, now), OutageSource.Monitoring, Monitoring, now, key);
                db.Outages.Add(outage);
                answers.Add((outage, true));
                continue;
            }

            if (alert.Firing)
            {
                // Already open: a repeat changes nothing, a wider alert adds its nodes. A closed one stays closed.
                _ = outage.Cover(hit, Monitoring, now);
            }
            else
            {
                Resolve(outage, alert, now);
            }

            answers.Add((outage, false));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same alert delivered twice at once: the other delivery declared it; this one answers as a repeat.
            return Problems.Conflict("La misma alerta llegó dos veces al mismo tiempo; reintenta y recibirás la falla ya declarada.");
        }

        var response = new MonitoringResponse([.. answers.Select(a => new MonitoringOutage(a.Outage.Id, a.Outage.Code, Wire.Name(a.Outage.Status), a.Created))]);
        return answers.Any(a => a.Created) ? TypedResults.Created("/api/v1/outages", response) : TypedResults.Ok(response);
    }

    /// <summary>
    /// A resolved alert restores the outage at the alert's end only when the monitoring system still
    /// owns it: once a person advanced it, changed its estimate or nodes, or wrote its cause, only a
    /// person restores it (an alert that clears is not proof every subscriber has service).
    /// </summary>
    private static void Resolve(Outage outage, MonitoringAlert alert, DateTime now)
    {
        var ended = alert.EndedAt is { } e && e >= outage.StartedAt && e <= now ? e : now;
        // Linking reports, queuing notices or computing credits is the system's own work, not a person taking over.
        var ownedByMonitoring = outage.Source == OutageSource.Monitoring && !outage.Timeline.Any(t => t.ActorId != Monitoring.Id
            && t.Type is not (OutageEntryType.ReportLinked or OutageEntryType.NoticesQueued or OutageEntryType.CompensationComputed));
        if (outage.IsActive && ownedByMonitoring)
        {
            _ = outage.Restore(ended, "La alerta de monitoreo se resolvió.", Monitoring, now);
        }
        else if (outage.IsActive)
        {
            var note = $"El monitoreo reporta la alerta resuelta ({ended:yyyy-MM-dd HH:mm} UTC); el restablecimiento lo confirma el personal.";
            // A resolved alert sent again writes nothing new.
            if (!outage.Timeline.Any(t => t.ActorId == Monitoring.Id && t.Body == note))
            {
                outage.Record(OutageEntryType.Note, note, Monitoring, now);
            }
        }
    }

    private static ProblemHttpResult Unprocessable(string detail) =>
        TypedResults.Problem(title: "La alerta no se pudo usar.", detail: detail, statusCode: StatusCodes.Status422UnprocessableEntity);
}

public sealed record MonitoringOutage(long Id, string Code, string Status, bool Created);

public sealed record MonitoringResponse(MonitoringOutage[] Outages);
