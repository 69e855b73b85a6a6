using System.Globalization;
using Ventanilla.Deadlines.Rules;

namespace Ventanilla.Tickets;

// The follow-up engine's part of a ticket: its first-response clock, kept beside the resolution
// clock (DueAt, AtRiskAt) so queues and notices find both with index lookups.
public sealed partial class Ticket
{
    /// <summary>Sets both clocks; a clock no rule sets is left without a deadline.</summary>
    public void SetClocks(ClockTimes? firstResponse, ClockTimes? resolution)
    {
        FirstResponseDueAt = firstResponse?.Due;
        FirstResponseAtRiskAt = firstResponse?.AtRisk;
        DueAt = resolution?.Due;
        AtRiskAt = resolution?.AtRisk;
    }

    public void MarkFirstResponse(DateTime at) => FirstRespondedAt ??= at;

    /// <summary>A clock's due time moved, and why: a pause, its end, or a new area or priority.</summary>
    internal void RecordClockChange(string field, DateTime? from, DateTime? to, string why, TimeZoneInfo zone, DateTime now) =>
        timeline.Add(new TimelineEntry(TimelineEntryType.FieldChanged, Actor.System, now, why,
            field: field, from: Local(from, zone), to: Local(to, zone)));

    private static string? Local(DateTime? utc, TimeZoneInfo zone) => utc is { } at
        ? TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(at, DateTimeKind.Utc), zone).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)
        : null;
}
