using System.Globalization;
using System.Text.Json;

namespace Ventanilla.Network.Outages;

/// <summary>One alert as a monitoring system sends it, whichever of the two accepted shapes it came in.</summary>
public sealed record MonitoringAlert(string Id, bool Firing, IReadOnlyList<string> Nodes, string? Summary, DateTime? StartedAt, DateTime? EndedAt)
{
    /// <summary>The outage's <see cref="Outage.ExternalKey"/>: one alert id, one outage, however often it is sent.</summary>
    public string ExternalKey => "monitoring:" + Id;

    /// <summary>
    /// Reads the generic body (<c>alert_id</c>, <c>status</c>, <c>node</c>, <c>summary</c>,
    /// <c>started_at</c>, <c>ended_at</c>) or Prometheus Alertmanager's webhook (<c>alerts[]</c> with
    /// <c>fingerprint</c>, <c>status</c>, <c>labels.node</c>, <c>startsAt</c>, <c>endsAt</c>). Answers the
    /// alerts, or the reason in Spanish the body cannot be used.
    /// </summary>
    public static (IReadOnlyList<MonitoringAlert> Alerts, string? Problem) Read(ReadOnlySpan<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException)
        {
            return ([], "El cuerpo no es JSON válido.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return ([], "El cuerpo debe ser un objeto JSON.");
            }

            var alerts = new List<MonitoringAlert>();
            if (root.TryGetProperty("alerts", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in list.EnumerateArray())
                {
                    var labels = item.TryGetProperty("labels", out var l) ? l : default;
                    var annotations = item.TryGetProperty("annotations", out var a) ? a : default;
                    alerts.Add(new MonitoringAlert(
                        Str(item, "fingerprint") ?? "",
                        !string.Equals(Str(item, "status"), "resolved", StringComparison.OrdinalIgnoreCase),
                        Codes(labels, "node"),
                        Str(annotations, "summary") ?? Str(labels, "alertname"),
                        Moment(item, "startsAt"),
                        Moment(item, "endsAt")));
                }
            }
            else
            {
                alerts.Add(new MonitoringAlert(
                    Str(root, "alert_id") ?? "",
                    !string.Equals(Str(root, "status"), "resolved", StringComparison.OrdinalIgnoreCase),
                    Codes(root, "node").Concat(Codes(root, "nodes")).ToList(),
                    Str(root, "summary"),
                    Moment(root, "started_at"),
                    Moment(root, "ended_at")));
            }

            if (alerts.Count == 0)
            {
                return ([], "La alerta no trae ninguna alerta en «alerts».");
            }

            if (alerts.Any(a => a.Id.Length is 0 or > 200))
            {
                return ([], "Cada alerta necesita su identificador («alert_id», o «fingerprint» en Alertmanager), de hasta 200 caracteres.");
            }

            if (alerts.Any(a => a.Firing && a.Nodes.Count == 0))
            {
                return ([], "Una alerta activa necesita el código de al menos un nodo («node», o la etiqueta «node» en Alertmanager).");
            }

            return (alerts, null);
        }
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    // A node is one code, a comma-separated list of codes, or an array of them.
    private static List<string> Codes(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v))
        {
            return [];
        }

        var texts = v.ValueKind switch
        {
            JsonValueKind.String => new List<string> { v.GetString()! },
            JsonValueKind.Array => v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList(),
            _ => new List<string>(),
        };
        return texts.SelectMany(t => t.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Distinct(StringComparer.Ordinal).ToList();
    }

    // Alertmanager sends 0001-01-01T00:00:00Z for "no end yet".
    private static DateTime? Moment(JsonElement e, string name) =>
        Str(e, name) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && at.Year > 1
            ? at.UtcDateTime
            : null;
}
