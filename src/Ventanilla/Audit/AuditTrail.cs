using System.Text.Json;
using Ventanilla.Data;
using Ventanilla.Tickets;

namespace Ventanilla.Audit;

/// <summary>
/// Adds an entry to the trail beside a change. Call it before the change's own SaveChanges, on the
/// same context, so both are written in one transaction.
/// </summary>
public static class AuditTrail
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    /// <summary>Records a change: <paramref name="before"/> and <paramref name="after"/> are serialized as JSON (null for none).</summary>
    public static AuditEntry Audit(this VentanillaDbContext db, Actor who, string subject, string what, string? key, object? before,
        object? after, string summary, DateTime now)
    {
        var entry = AuditEntry.Record(who, AuditActions.Of(subject, what), subject, key, ToJson(before), ToJson(after), summary, now);
        db.AuditEntries.Add(entry);
        return entry;
    }

    public static string? ToJson(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Json);
}
