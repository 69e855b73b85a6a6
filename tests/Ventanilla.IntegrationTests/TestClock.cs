using System.Diagnostics;
using System.Globalization;

namespace Ventanilla.IntegrationTests;

/// <summary>
/// The clock the service under test reads: it starts at a fixed instant and then moves with real
/// elapsed time. A frozen clock would stall the workers that wait on it (pollers, senders, periodic
/// jobs); a fixed start keeps the date and time of day out of the results, whenever the suite runs.
/// Timers and delays are the real ones, so the workers run at their usual pace.
/// </summary>
public sealed class TestClock : TimeProvider
{
    /// <summary>Moves the start, e.g. <c>VENTANILLA_TEST_NOW=2026-03-18T23:30:00-06:00</c>, to prove results do not depend on it.</summary>
    public const string StartVariable = "VENTANILLA_TEST_NOW";

    /// <summary>
    /// Wednesday 18 March 2026, 11:00 in Mexico City (UTC−6 all year since 2022): a legal business day,
    /// inside the hours of every seeded channel and area calendar, and after the fixed report dates
    /// the tests use (the latest is Friday 13 March), which must not lie in the service's future.
    /// A test whose result depends on the hour or the day starts its clock here explicitly.
    /// </summary>
    public static readonly DateTimeOffset DefaultStart = new(2026, 3, 18, 11, 0, 0, TimeSpan.FromHours(-6));

    /// <summary>Where every clock of this run starts, unless a test chooses another instant.</summary>
    public static DateTimeOffset Start { get; } = FromEnvironment();

    private readonly Lock gate = new();
    private DateTimeOffset anchor;
    private long anchoredAt;

    public TestClock(DateTimeOffset? start = null) => SetUtcNow(start ?? Start);

    /// <summary>The zone a person in the seeded provider reads times in.</summary>
    public static TimeZoneInfo MexicoCity { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/Mexico_City");

    /// <summary>This clock's now as the UTC <see cref="DateTime"/> the entities store.</summary>
    public DateTime UtcNow => GetUtcNow().UtcDateTime;

    /// <summary>Today's date in Mexico City by this clock.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(UtcNow, MexicoCity));

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return anchor + Stopwatch.GetElapsedTime(anchoredAt);
        }
    }

    // The machine's zone must not leak into what the service shows.
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <summary>Jumps to an instant; time keeps running from there.</summary>
    public void SetUtcNow(DateTimeOffset instant)
    {
        lock (gate)
        {
            anchor = instant.ToUniversalTime();
            anchoredAt = Stopwatch.GetTimestamp();
        }
    }

    /// <summary>Moves time forward (or back) by an amount; time keeps running from there.</summary>
    public void Advance(TimeSpan by)
    {
        lock (gate)
        {
            anchor += by;
        }
    }

    private static DateTimeOffset FromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(StartVariable);
        return string.IsNullOrWhiteSpace(text)
            ? DefaultStart
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }
}
