using Microsoft.Extensions.Time.Testing;
using Ventanilla.Deadlines;
using Ventanilla.Deadlines.Rules;
using Ventanilla.Tickets;
using static Ventanilla.Tests.Calendars;

namespace Ventanilla.Tests.FollowUp;

/// <summary>How a stored clock reads as time passes: on time, at risk, overdue, or met.</summary>
public class ClockStatusTests
{
    [Fact]
    public void A_running_clock_turns_at_risk_then_overdue_as_time_passes()
    {
        var reported = MexicoCityTime(2026, 3, 13, 10);
        var clock = Rules.Seeded().Clock(DeadlineKind.Resolution, TicketKind.Fault, ContactChannel.Phone, "tecnica", TicketPriority.Normal, reported, [])!;
        var time = new FakeTimeProvider(new DateTimeOffset(reported));

        ClockState Now() => ClockStatus.Of(clock.Due, clock.AtRisk, null, time.GetUtcNow().UtcDateTime);

        Assert.Equal(ClockState.OnTime, Now());
        time.Advance(TimeSpan.FromHours(17) + TimeSpan.FromMinutes(59));
        Assert.Equal(ClockState.OnTime, Now());
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(ClockState.AtRisk, Now());
        time.Advance(TimeSpan.FromHours(6));
        Assert.Equal(ClockState.AtRisk, Now());
        time.Advance(TimeSpan.FromTicks(1));
        Assert.Equal(ClockState.Overdue, Now());
    }

    [Fact]
    public void A_stopped_clock_is_met_on_time_or_late_whatever_the_hour_now()
    {
        var due = Utc(2026, 3, 14, 16);

        Assert.Equal(ClockState.MetOnTime, ClockStatus.Of(due, due.AddHours(-6), due, due.AddDays(9)));
        Assert.Equal(ClockState.MetLate, ClockStatus.Of(due, due.AddHours(-6), due.AddMinutes(1), due));
        Assert.Equal(ClockState.None, ClockStatus.Of(null, null, null, due));
    }

    [Theory]
    [InlineData(50, "50 min")]
    [InlineData(0.2, "1 min")]
    [InlineData(125, "2 h 5 min")]
    [InlineData(3000, "2 d 2 h")]
    public void Time_left_reads_to_the_minute(double minutes, string text)
    {
        Assert.Equal(text, ClockStatus.Span(TimeSpan.FromMinutes(minutes)));
    }
}
