using System.Globalization;
using Ventanilla.Web;

namespace Ventanilla.Network.Outages;

/// <summary>The checks declaring and extending an outage share between the console and the API, and how the console reads times.</summary>
public static class OutageDesk
{
    public const string StaleMessage = "Alguien más modificó esta falla mientras la veías. Revisa los cambios y vuelve a intentarlo.";

    public static void CheckDeclaration(FieldErrors errors, OutageKind? kind, int nodes, IReadOnlyList<string> unknown, DateTime? startedAt,
        DateTime? estimate, DateTime now)
    {
        CheckNodes(errors, nodes, unknown);
        // Planned work is announced ahead; a failure has already started. A little slack for clocks.
        if (kind == OutageKind.PlannedMaintenance && startedAt is { } start && start <= now)
        {
            errors.Add("startedAt", "Un mantenimiento programado empieza en el futuro.");
        }
        else if (kind is not null and not OutageKind.PlannedMaintenance && startedAt > now.AddMinutes(5))
        {
            errors.Add("startedAt", "Una falla no empieza en el futuro; para trabajo planeado elige «mantenimiento programado».");
        }
        else if (startedAt is { Year: < 2000 })
        {
            errors.Add("startedAt", "La fecha es demasiado antigua.");
        }

        if (kind == OutageKind.PlannedMaintenance && startedAt is null)
        {
            errors.Add("startedAt", "Indica cuándo empieza el mantenimiento.");
        }

        if (estimate is { } e && e <= (startedAt ?? now))
        {
            errors.Add("estimatedRestorationAt", "La estimación debe quedar después del inicio.");
        }
    }

    public static void CheckNodes(FieldErrors errors, int found, IReadOnlyList<string> unknown)
    {
        if (unknown.Count > 0)
        {
            errors.Add("nodes", $"No existe ningún nodo con el código {string.Join(", ", unknown.Select(c => $"«{c}»"))}.");
        }
        else if (found == 0)
        {
            errors.Add("nodes", "Indica al menos un nodo afectado.");
        }
    }

    /// <summary>A <c>datetime-local</c> value typed in the provider's zone, as UTC; null when empty or unreadable (noted).</summary>
    public static DateTime? FromLocal(FieldErrors errors, string field, string? text, TimeZoneInfo zone)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!DateTime.TryParseExact(text.Trim(), ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var local))
        {
            errors.Add(field, "Escribe la fecha y hora completas.");
            return null;
        }

        // A time skipped by a clock change does not exist; move it forward an hour instead of failing.
        if (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
    }

    /// <summary>A UTC moment as a <c>datetime-local</c> value in the provider's zone.</summary>
    public static string ToLocal(DateTime? utc, TimeZoneInfo zone) => utc is { } at
        ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(at, DateTimeKind.Utc), zone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)
        : "";
}
