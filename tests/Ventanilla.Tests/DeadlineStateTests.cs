using Microsoft.Extensions.Time.Testing;
using Ventanilla.Deadlines;
using Ventanilla.Tickets;
using static Ventanilla.Tests.Calendars;

namespace Ventanilla.Tests;

public class DeadlineStateTests
{
    private static readonly DateTime Reported = MexicoCityTime(2026, 3, 10, 10);
    private static readonly BusinessCalendar CallCenter = BusinessCalendar.DemoCallCenter();
    private static readonly DeadlineRule Repair = new(TicketKind.Fault, DeadlineKind.Resolution, 24, DeadlineUnit.CalendarHours);

    private readonly FakeTimeProvider clock = new(Reported);

    private DeadlineState Now(DeadlineRule rule, IReadOnlyList<(DateTime, DateTime?)> pauses, double atRiskAt = Deadline.DefaultAtRiskAt) =>
        Deadline.StateAt(clock.GetUtcNow().UtcDateTime, rule, Reported, CallCenter, pauses, atRiskAt);

    [Fact]
    public void StateAt_BeforeThreeQuartersOfTheTime_IsOnTime()
    {
        clock.Advance(TimeSpan.FromHours(17.9));

        Assert.Equal(new DeadlineState(DeadlineStatus.OnTime, Reported.AddHours(24), TimeSpan.FromHours(6.1)), Now(Repair, []));
    }

    [Fact]
    public void StateAt_AtThreeQuartersOfTheTime_IsAtRisk()
    {
        clock.Advance(TimeSpan.FromHours(18));

        Assert.Equal(DeadlineStatus.AtRisk, Now(Repair, []).Status);
    }

    [Fact]
    public void StateAt_CustomThreshold_MovesTheRiskPoint()
    {
        clock.Advance(TimeSpan.FromHours(12));

        Assert.Equal(DeadlineStatus.OnTime, Now(Repair, []).Status);
        Assert.Equal(DeadlineStatus.AtRisk, Now(Repair, [], atRiskAt: 0.5).Status);
    }

    [Fact]
    public void StateAt_AtTheDueTime_IsStillAtRisk_AndAfterItOverdue()
    {
        clock.Advance(TimeSpan.FromHours(24));
        Assert.Equal(DeadlineStatus.AtRisk, Now(Repair, []).Status);

        clock.Advance(TimeSpan.FromMinutes(1));
        var state = Now(Repair, []);
        Assert.Equal(DeadlineStatus.Overdue, state.Status);
        Assert.Equal(TimeSpan.FromMinutes(-1), state.TimeLeft);
    }

    [Fact]
    public void StateAt_WhilePaused_TimeLeftHoldsAndTheDueTimeMoves()
    {
        var rule = Repair with { PausesWhileWaitingOnSubscriber = true };
        List<(DateTime, DateTime?)> waiting = [(Reported.AddHours(10), null)];
        clock.Advance(TimeSpan.FromHours(30));

        var first = Now(rule, waiting);
        clock.Advance(TimeSpan.FromHours(5));
        var later = Now(rule, waiting);

        Assert.Equal(new DeadlineState(DeadlineStatus.OnTime, Reported.AddHours(44), TimeSpan.FromHours(14)), first);
        Assert.Equal(new DeadlineState(DeadlineStatus.OnTime, Reported.AddHours(49), TimeSpan.FromHours(14)), later);
    }

    [Fact]
    public void StateAt_BusinessHours_CountsOnlyOpenTimeTowardsTheRisk()
    {
        // Eight open hours from Tue 21:00: one that night, seven from Wed 07:00, due Wed 14:00.
        var rule = new DeadlineRule(TicketKind.Query, DeadlineKind.Resolution, 8, DeadlineUnit.BusinessHours);
        var reported = MexicoCityTime(2026, 3, 10, 21);
        clock.SetUtcNow(MexicoCityTime(2026, 3, 11, 11));
        Assert.Equal(DeadlineStatus.OnTime, Deadline.StateAt(clock.GetUtcNow().UtcDateTime, rule, reported, CallCenter, []).Status);

        clock.Advance(TimeSpan.FromHours(1));
        var state = Deadline.StateAt(clock.GetUtcNow().UtcDateTime, rule, reported, CallCenter, []);

        Assert.Equal(new DeadlineState(DeadlineStatus.AtRisk, MexicoCityTime(2026, 3, 11, 14), TimeSpan.FromHours(2)), state);
    }

    [Fact]
    public void StateAt_ThresholdAboveOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Now(Repair, [], atRiskAt: 1.5));
}
