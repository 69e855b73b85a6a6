using Ventanilla.Visits;

namespace Ventanilla.Tests.FollowUp;

public class VisitRulesTests
{
    private static readonly DateTime Now = new(2026, 3, 3, 16, 0, 0, DateTimeKind.Utc);

    private static Visit Scheduled() =>
        new(1, "tec-1", VisitWindow.Morning(new DateOnly(2026, 3, 3), TimeZoneInfo.FindSystemTimeZoneById("America/Mexico_City")), "lead", Now);

    [Fact]
    public void Arrival_then_result_completes_the_visit()
    {
        var visit = Scheduled();

        Assert.Null(visit.Arrive(Now));
        Assert.Null(visit.Complete("Se cambió el conector", "Cliente presente", Now, Now.AddMinutes(30)));

        Assert.Equal((VisitStatus.Done, Now, Now), (visit.Status, visit.ArrivedAt, visit.ServiceRestoredAt));
    }

    [Fact]
    public void A_result_needs_text_and_a_missed_visit_its_reason()
    {
        var visit = Scheduled();

        Assert.NotNull(visit.Complete("  ", null, null, Now));
        Assert.NotNull(visit.Miss("", Now));
        Assert.Equal(VisitStatus.Scheduled, visit.Status);
    }

    [Fact]
    public void The_service_cannot_be_restored_in_the_future()
    {
        Assert.NotNull(Scheduled().Complete("Listo", null, Now.AddHours(1), Now));
    }

    [Fact]
    public void A_finished_visit_takes_no_more_reports_and_is_not_rescheduled()
    {
        var visit = Scheduled();
        visit.Complete("Listo", null, null, Now);

        Assert.NotNull(visit.Arrive(Now));
        Assert.NotNull(visit.Miss("Nadie abrió", Now));
        Assert.NotNull(visit.MarkRescheduled(Now));
    }

    [Fact]
    public void Only_missed_and_rescheduled_visits_free_their_window()
    {
        Assert.Equal([VisitStatus.Scheduled, VisitStatus.Arrived, VisitStatus.Done], Visit.Holding);
    }
}
