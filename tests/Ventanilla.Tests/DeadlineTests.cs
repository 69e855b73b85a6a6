using Ventanilla.Deadlines;
using Ventanilla.Tickets;
using static Ventanilla.Tests.Calendars;

namespace Ventanilla.Tests;

public class DeadlineTests
{
    private static readonly DateTime Reported = MexicoCityTime(2026, 3, 10, 10);
    private static readonly BusinessCalendar CallCenter = BusinessCalendar.DemoCallCenter();
    private static readonly DeadlineRule Repair = new(TicketKind.Fault, DeadlineKind.Resolution, 24, DeadlineUnit.CalendarHours);
    private static readonly DeadlineRule PausingRepair = Repair with { PausesWhileWaitingOnSubscriber = true };
    private static readonly DeadlineRule EightOpenHours = new(TicketKind.Query, DeadlineKind.Resolution, 8, DeadlineUnit.BusinessHours, PausesWhileWaitingOnSubscriber: true);

    [Fact]
    public void Compute_CalendarHours_IgnoresTheCalendarsHours() =>
        Assert.Equal(Reported.AddHours(24), Deadline.Compute(Repair, Reported, CallCenter, []));

    [Fact]
    public void Compute_DefaultComplaintRule_Is15LegalBusinessDays()
    {
        var rule = DeadlineRules.Defaults.Find(TicketKind.Complaint, DeadlineKind.Resolution, null, null)!;

        Assert.Equal(MexicoCityTime(2026, 4, 6, 10), Deadline.Compute(rule, MexicoCityTime(2026, 3, 13, 10), BusinessCalendar.MexicanBusinessDays(), []));
    }

    [Fact]
    public void Compute_ZeroAmount_IsDueAtTheReport() =>
        Assert.Equal(Reported, Deadline.Compute(Repair with { Amount = 0 }, Reported, CallCenter, []));

    [Fact]
    public void Compute_PausingRule_EachPauseExtendsTheDueTimeByItsLength()
    {
        List<(DateTime, DateTime?)> pauses = [(Reported.AddHours(2), Reported.AddHours(5)), (Reported.AddHours(25), Reported.AddHours(26))];

        // The second pause starts after the original due time but before the extended one (27 h).
        Assert.Equal(Reported.AddHours(28), Deadline.Compute(PausingRepair, Reported, CallCenter, pauses));
    }

    [Fact]
    public void Compute_RuleThatDoesNotPause_IgnoresPauses() =>
        Assert.Equal(Reported.AddHours(24), Deadline.Compute(Repair, Reported, CallCenter, [(Reported.AddHours(2), Reported.AddHours(5))]));

    [Fact]
    public void Compute_OverlappingPausesAndOneBeforeTheReport_CountOnlyTimeAfterTheReportOnce()
    {
        List<(DateTime, DateTime?)> pauses =
        [
            (Reported.AddHours(-3), Reported.AddHours(1)),
            (Reported.AddHours(2), Reported.AddHours(5)),
            (Reported.AddHours(4), Reported.AddHours(6)),
        ];

        Assert.Equal(Reported.AddHours(24 + 1 + 4), Deadline.Compute(PausingRepair, Reported, CallCenter, pauses));
    }

    [Fact]
    public void Compute_PauseAfterTheDueTime_ChangesNothing() =>
        Assert.Equal(Reported.AddHours(24), Deadline.Compute(PausingRepair, Reported, CallCenter, [(Reported.AddHours(30), null)]));

    [Fact]
    public void Compute_PauseStillOpenBeforeTheDueTime_HasNoDueTimeYet() =>
        Assert.Null(Deadline.Compute(PausingRepair, Reported, CallCenter, [(Reported.AddHours(3), null)]));

    [Fact]
    public void Compute_BusinessHoursPausedOvernight_ExtendsOnlyByTheOpenHoursOfThePause()
    {
        // Tue 08:00–12:00 runs four hours; paused until Wed 09:00; the other four run to Wed 13:00.
        var reported = MexicoCityTime(2026, 3, 10, 8);

        Assert.Equal(MexicoCityTime(2026, 3, 11, 13),
            Deadline.Compute(EightOpenHours, reported, CallCenter, [(MexicoCityTime(2026, 3, 10, 12), MexicoCityTime(2026, 3, 11, 9))]));
    }
}
