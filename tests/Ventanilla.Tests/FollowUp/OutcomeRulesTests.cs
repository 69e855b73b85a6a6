using Ventanilla.Tickets;
using Ventanilla.Tickets.Outcomes;

namespace Ventanilla.Tests.FollowUp;

public class OutcomeRulesTests
{
    [Theory]
    [InlineData(AreaOutcome.Conciliated)]
    [InlineData(AreaOutcome.Rejected)]
    public void Conciliation_needs_its_agreement_and_rejection_its_reasons(AreaOutcome outcome)
    {
        var ticket = Tickets.InStatus(TicketKind.Complaint, TicketStatus.InProgress);

        var violation = ticket.RecordOutcome(outcome, "  ", Tickets.Agent, Tickets.Now);

        Assert.NotNull(violation);
        Assert.Null(ticket.Outcome);
        Assert.Equal(TicketStatus.InProgress, ticket.Status);
    }

    [Fact]
    public void A_rejected_complaint_is_resolved_as_not_upheld_with_its_reasons()
    {
        var ticket = Tickets.InStatus(TicketKind.Complaint, TicketStatus.InProgress);

        Assert.Null(ticket.RecordOutcome(AreaOutcome.Rejected, "El cargo corresponde al plan contratado.", Tickets.Agent, Tickets.Now));

        Assert.Equal(TicketStatus.Resolved, ticket.Status);
        Assert.False(ticket.Resolution!.Upheld);
        Assert.Equal("El cargo corresponde al plan contratado.", ticket.Resolution.Correction);
        Assert.Null(ticket.CheckNotice());
    }

    [Fact]
    public void A_clarification_may_be_clarified_without_more_text()
    {
        var ticket = Tickets.InStatus(TicketKind.Clarification, TicketStatus.InProgress);

        Assert.Null(ticket.RecordOutcome(AreaOutcome.Clarified, null, Tickets.Agent, Tickets.Now));
        Assert.True(ticket.Resolution!.Upheld);
    }

    [Fact]
    public void A_fault_takes_no_area_outcome()
    {
        Assert.NotNull(Tickets.InStatus(TicketKind.Fault, TicketStatus.InProgress).RecordOutcome(AreaOutcome.Repaired, null, Tickets.Agent, Tickets.Now));
    }

    [Fact]
    public void A_complaint_resolved_without_its_outcome_cannot_be_notified()
    {
        var ticket = Tickets.InStatus(TicketKind.Complaint, TicketStatus.Resolved);

        Assert.Contains(Ticket.MissingOutcome, ticket.CheckNotice()!.Missing);
    }

    [Fact]
    public void A_cancellation_is_resolved_only_after_its_effective_date()
    {
        var ticket = Tickets.InStatus(TicketKind.Cancellation, TicketStatus.InProgress);

        var early = ticket.RecordResolution("Solicitud del suscriptor", "Baja", true, null, Tickets.Agent, Tickets.Now);
        Assert.Null(ticket.SetCancellationDate(new DateOnly(2026, 12, 31), Tickets.Agent, Tickets.Now));
        var resolved = ticket.RecordResolution("Solicitud del suscriptor", "Baja", true, null, Tickets.Agent, Tickets.Now);

        Assert.Contains(Ticket.MissingCancellationDate, early!.Missing);
        Assert.Null(resolved);
    }
}
