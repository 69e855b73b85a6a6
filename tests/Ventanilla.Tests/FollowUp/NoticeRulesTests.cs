using Ventanilla.Tickets;

namespace Ventanilla.Tests.FollowUp;

/// <summary>Notified means the subscriber was told: only the notice gets a folio there.</summary>
public class NoticeRulesTests
{
    [Theory]
    [InlineData(TicketKind.Fault)]
    [InlineData(TicketKind.Query)]
    public void ChangeStatus_ResolvedToNotified_IsRefusedNamingTheNotice(TicketKind kind)
    {
        var ticket = Tickets.InStatus(kind, TicketStatus.Resolved);
        var entries = ticket.Timeline.Count;

        var violation = ticket.ChangeStatus(new StatusChange(TicketStatus.Notified, "Se le avisó"), Tickets.Agent, Tickets.Now);

        Assert.NotNull(violation);
        Assert.Contains("aviso", violation.Message, StringComparison.Ordinal);
        Assert.Contains("/notice", violation.Message, StringComparison.Ordinal);
        Assert.Equal([RuleViolation.MissingNotification], violation.Missing);
        Assert.Equal((TicketStatus.Resolved, (DateTime?)null, entries), (ticket.Status, ticket.NotifiedAt, ticket.Timeline.Count));
    }

    [Fact]
    public void Notify_ResolvedFault_IsNotifiedAndThenClosesWithTheSubscribersAnswer()
    {
        var ticket = Tickets.InStatus(TicketKind.Fault, TicketStatus.Resolved);

        Assert.Null(ticket.Notify(Tickets.Agent, Tickets.Now));
        Assert.Null(ticket.ChangeStatus(new StatusChange(TicketStatus.Closed, Confirmation: SubscriberConfirmation.Confirmed), Tickets.Agent, Tickets.Now));

        Assert.Equal(Tickets.Now, ticket.NotifiedAt);
        Assert.Equal(TicketStatus.Closed, ticket.Status);
    }

    [Fact]
    public void Notify_BeforeTheResolution_KeepsTheLifecycleRefusal()
    {
        var ticket = Tickets.InStatus(TicketKind.Fault, TicketStatus.InProgress);

        var violation = ticket.Notify(Tickets.Agent, Tickets.Now);

        Assert.NotNull(violation);
        Assert.Equal(TicketStatus.InProgress, ticket.Status);
    }

    [Fact]
    public void Notify_ComplaintWithoutItsAreaOutcome_IsRefused()
    {
        var ticket = Tickets.InStatus(TicketKind.Complaint, TicketStatus.Resolved);

        var violation = ticket.Notify(Tickets.Agent, Tickets.Now);

        Assert.NotNull(violation);
        Assert.Equal([Ticket.MissingOutcome], violation.Missing);
        Assert.Equal(TicketStatus.Resolved, ticket.Status);
    }
}
