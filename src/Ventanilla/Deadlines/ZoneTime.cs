namespace Ventanilla.Deadlines;

/// <summary>
/// Conversions between UTC and a zone's wall clock that never throw on the hour a daylight-saving
/// change skips or repeats, which <see cref="TimeZoneInfo.ConvertTimeToUtc(DateTime, TimeZoneInfo)"/> does.
/// </summary>
internal static class ZoneTime
{
    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeFromUtc(AsUtc(utc), zone), DateTimeKind.Unspecified);

    public static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            // The clocks jumped over this time. Keeping the offset of the day before lands as far past
            // the jump as the time was into the gap: 02:30 on a spring-forward night is 03:30.
            return DateTime.SpecifyKind(local - zone.GetUtcOffset(local.AddDays(-1)), DateTimeKind.Utc);
        }

        if (zone.IsAmbiguousTime(local))
        {
            // The hour repeats: the first occurrence, so nothing due "at 01:30" waits an extra hour.
            return DateTime.SpecifyKind(local - zone.GetAmbiguousTimeOffsets(local).Max(), DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    /// <summary>
    /// Database readers often hand back <see cref="DateTimeKind.Unspecified"/> for stored UTC; a
    /// local time, though, would silently shift every deadline, so it is refused.
    /// </summary>
    public static DateTime AsUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => throw new ArgumentException("Times must be UTC, not local.", nameof(value)),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
