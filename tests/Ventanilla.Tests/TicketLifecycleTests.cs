using Ventanilla.Tickets;
using Ventanilla.Web;
using static Ventanilla.Tickets.TicketStatus;

namespace Ventanilla.Tests;

/// <summary>The procedure's state machine, written out once more as the specification to check against.</summary>
public class TicketLifecycleTests
{
    private static readonly Dictionary<TicketStatus, TicketStatus[]> ForEveryKind = new()
    {
        [Registered] = [InProgress, Cancelled],
        [InProgress] = [Diagnosing, VisitScheduled, WaitingOnSubscriber, Resolved, Cancelled],
        [Diagnosing] = [InProgress, VisitScheduled, WaitingOnSubscriber, Resolved, Cancelled],
        [VisitScheduled] = [InProgress, Diagnosing, WaitingOnSubscriber, Resolved, Cancelled],
        [WaitingOnSubscriber] = [InProgress, Diagnosing, VisitScheduled, Resolved, Cancelled],
        [Routed] = [InProgress, WaitingOnSubscriber, Resolved, Cancelled],
        [Resolved] = [Notified, InProgress],
        [Notified] = [Closed, Reopened],
        [Closed] = [Reopened],
        [Reopened] = [InProgress, Diagnosing, VisitScheduled, WaitingOnSubscriber, Resolved, Cancelled],
        [Cancelled] = [],
    };

    private static HashSet<TicketStatus> Expected(TicketStatus from, TicketKind kind)
    {
        var allowed = new HashSet<TicketStatus>(ForEveryKind[from]);
        var routable = kind is TicketKind.Complaint or TicketKind.Clarification or TicketKind.Cancellation or TicketKind.Other or TicketKind.PrivacyRequest;
        if (routable && from is Registered or InProgress or WaitingOnSubscriber or Reopened)
        {
            allowed.Add(Routed);
        }

        if (from == Registered && kind is TicketKind.Query or TicketKind.Doubt or TicketKind.Suggestion)
        {
            allowed.Add(Resolved);
        }

        if (from == Resolved && kind != TicketKind.Fault)
        {
            allowed.Add(Closed);
        }

        return allowed;
    }

    public static TheoryData<TicketKind, TicketStatus, TicketStatus> EveryPair()
    {
        var data = new TheoryData<TicketKind, TicketStatus, TicketStatus>();
        foreach (var kind in Enum.GetValues<TicketKind>())
        {
            foreach (var from in Enum.GetValues<TicketStatus>())
            {
                foreach (var to in Enum.GetValues<TicketStatus>())
                {
                    data.Add(kind, from, to);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void IsAllowed_MatchesTheProcedure_ForEveryKindAndPair(TicketKind kind, TicketStatus from, TicketStatus to) =>
        Assert.Equal(Expected(from, kind).Contains(to), TicketLifecycle.IsAllowed(from, to, kind));

    [Fact]
    public void ChangeStatus_IllegalMove_NamesTheCurrentAndAllowedStatuses()
    {
        var ticket = Tickets.New(TicketKind.Fault);

        var violation = ticket.ChangeStatus(new StatusChange(Notified), Tickets.Agent, Tickets.Now);

        Assert.NotNull(violation);
        Assert.Equal(Registered, violation.Current);
        Assert.Equal([InProgress, Cancelled], violation.Allowed);
        Assert.Contains("registered", violation.Message, StringComparison.Ordinal);
        Assert.Equal(Registered, ticket.Status);
        Assert.Single(ticket.Timeline);
    }

    [Fact]
    public void ChangeStatus_CloseFaultStillInProgress_SaysResolutionAndNotificationAreMissing()
    {
        var ticket = Tickets.InStatus(TicketKind.Fault, InProgress);

        var violation = ticket.ChangeStatus(new StatusChange(Closed, Confirmation: SubscriberConfirmation.Confirmed), Tickets.Agent, Tickets.Now);

        Assert.NotNull(violation);
        Assert.Equal([RuleViolation.MissingResolution, RuleViolation.MissingNotification], violation.Missing);
    }

    [Fact]
    public void ChangeStatus_CloseResolvedFaultNotYetNotified_SaysNotificationIsMissing()
    {
        var ticket = Tickets.InStatus(TicketKind.Fault, Resolved);

        var violation = ticket.ChangeStatus(new StatusChange(Closed), Tickets.Agent, Tickets.Now);

        Assert.NotNull(violation);
        Assert.Equal([RuleViolation.MissingNotification], violation.Missing);
        Assert.Equal(Resolved, ticket.Status);
    }

    [Fact]
    public void ChangeStatus_ResolveFaultWithoutTechnicalResolution_SaysResolutionIsMissing()
    {
        var ticket = Tickets.InStatus(TicketKind.Fault, Diagnosing);

        var violation = ticket.ChangeStatus(new StatusChange(Resolved, "ya quedó"), Tickets.Agent, Tickets.Now);

        Assert.NotNull(violation);
        Assert.Equal([RuleViolation.MissingResolution], violation.Missing);
    }

    [Fact]
    public void ChangeStatus_QueryAnsweredAtIntake_GoesStraightToResolvedThenClosed()
    {
        var ticket = Tickets.New(TicketKind.Query);

        Assert.Null(ticket.ChangeStatus(new StatusChange(Resolved, "El plan incluye 50 Mbps."), Tickets.Agent, Tickets.Now));
        Assert.Null(ticket.ChangeStatus(new StatusChange(Closed), Tickets.Agent, Tickets.Now));
        Assert.Equal(Closed, ticket.Status);
        Assert.Equal(Tickets.Now, ticket.ClosedAt);
    }

    [Fact]
    public void FieldsRequiredFor_AsksForWhatEachMoveNeeds()
    {
        var ticket = Tickets.InStatus(TicketKind.Fault, Notified);
        Assert.Equal(["confirmation"], ticket.FieldsRequiredFor(Closed, new StatusChange(Closed)));
        Assert.Equal(["reason"], ticket.FieldsRequiredFor(Reopened, new StatusChange(Reopened)));
        Assert.Equal(["reason"], Tickets.New(TicketKind.Fault).FieldsRequiredFor(Cancelled, new StatusChange(Cancelled, " ")));
        Assert.Empty(ticket.FieldsRequiredFor(Closed, new StatusChange(Closed, Confirmation: SubscriberConfirmation.NoAnswer)));
    }

    [Fact]
    public void FieldsRequiredFor_ResolvingAFault_AsksForNoAnswerButTheRuleAsksForTheResolution()
    {
        var fault = Tickets.InStatus(TicketKind.Fault, InProgress);
        var query = Tickets.New(TicketKind.Query);

        Assert.Empty(fault.FieldsRequiredFor(Resolved, new StatusChange(Resolved)));
        Assert.Equal([RuleViolation.MissingResolution], fault.ChangeStatus(new StatusChange(Resolved), Tickets.Agent, Tickets.Now)!.Missing);
        Assert.Equal(["reason"], query.FieldsRequiredFor(Resolved, new StatusChange(Resolved)));
    }

    [Fact]
    public void ChangeStatus_FullFault_RecordsNotificationConfirmationAndClosure()
    {
        var ticket = Tickets.InStatus(TicketKind.Fault, Notified);
        Assert.Equal(Tickets.Now, ticket.NotifiedAt);

        Assert.Null(ticket.ChangeStatus(new StatusChange(Closed, Confirmation: SubscriberConfirmation.NoAnswer), Tickets.Agent, Tickets.Now));

        Assert.Equal(SubscriberConfirmation.NoAnswer, ticket.Confirmation);
        Assert.Equal(Tickets.Now, ticket.ClosedAt);
        Assert.NotNull(ticket.Resolution);
    }

    [Fact]
    public void ChangeStatus_Reopen_MarksNotFixedAndNeedsANewResolution()
    {
        var ticket = Tickets.InStatus(TicketKind.Fault, Closed);

        Assert.Null(ticket.ChangeStatus(new StatusChange(Reopened, "Sigue sin servicio"), Tickets.Agent, Tickets.Now));

        Assert.Equal(SubscriberConfirmation.NotFixed, ticket.Confirmation);
        Assert.Null(ticket.Resolution);
        Assert.Null(ticket.ClosedAt);
        Assert.Contains(ticket.Timeline, e => e.Type == TimelineEntryType.ResolutionRecorded);
        Assert.Equal("Sigue sin servicio", ticket.Timeline[^1].Body);
    }

    [Fact]
    public void ChangeStatus_CancelAsDuplicate_KeepsReasonAndSurvivor()
    {
        var ticket = Tickets.New(TicketKind.Fault);

        Assert.Null(ticket.ChangeStatus(new StatusChange(Cancelled, "duplicado", "NM-2026-000009"), Tickets.Agent, Tickets.Now));

        Assert.Equal("duplicado", ticket.CancellationReason);
        Assert.Equal("NM-2026-000009", ticket.DuplicateOfFolio);
        Assert.Empty(TicketLifecycle.AllowedFrom(ticket.Status, ticket.Kind));
    }

    [Fact]
    public void RecordResolution_OnAFault_RestoresServiceAndResolves()
    {
        var ticket = Tickets.InStatus(TicketKind.Fault, VisitScheduled);

        Assert.Null(ticket.RecordResolution("Conector flojo", "Se cambió el conector", false, null, Tickets.Agent, Tickets.Now));

        Assert.Equal(Resolved, ticket.Status);
        Assert.Equal(Tickets.Now, ticket.ServiceRestoredAt);
        Assert.False(ticket.Resolution!.Upheld);
        Assert.Contains("Procedente: no", ticket.Timeline.Last(e => e.Type == TimelineEntryType.ResolutionRecorded).Body, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordResolution_FromRegisteredFault_IsRefused()
    {
        var ticket = Tickets.New(TicketKind.Fault);

        var violation = ticket.RecordResolution("x", "y", true, null, Tickets.Agent, Tickets.Now);

        Assert.NotNull(violation);
        Assert.Null(ticket.Resolution);
    }

    [Fact]
    public void Changes_AppendToTheTimeline_WithActorTimeAndValues()
    {
        var ticket = Tickets.New(TicketKind.Fault);
        var later = Tickets.Now.AddMinutes(5);

        ticket.ChangeStatus(new StatusChange(InProgress), Tickets.Agent, later);

        var entry = ticket.Timeline[^1];
        Assert.Equal(2, ticket.Timeline.Count);
        Assert.Equal(TimelineEntryType.StatusChanged, entry.Type);
        Assert.Equal(("u-1", "Ana Agente", later), (entry.ActorId, entry.ActorName, entry.At));
        Assert.Equal(("registered", "in_progress"), (entry.From, entry.To));
        Assert.Equal(later, ticket.LastActivityAt);
    }

    [Fact]
    public void AddNote_DoesNotBumpTheVersion_ButAStatusChangeDoes()
    {
        var ticket = Tickets.New(TicketKind.Fault);
        var version = ticket.Version;

        ticket.AddNote("Llamar después de las 6", Tickets.Agent, Tickets.Now);
        Assert.Equal(version, ticket.Version);

        ticket.ChangeStatus(new StatusChange(InProgress), Tickets.Agent, Tickets.Now);
        Assert.Equal(version + 1, ticket.Version);
    }

    [Fact]
    public void AddMessage_MakesTheMessageSearchable()
    {
        var ticket = Tickets.New(TicketKind.Fault);

        ticket.AddMessage(true, ContactChannel.Whatsapp, "Ya reinicié el router dos veces", Tickets.Agent, Tickets.Now);

        Assert.Contains("reinicié el router", ticket.SearchText, StringComparison.Ordinal);
        Assert.Equal(ContactChannel.Whatsapp, ticket.Timeline[^1].Channel);
        Assert.Equal(TimelineEntryType.MessageIn, ticket.Timeline[^1].Type);
    }

    [Fact]
    public void Register_StartsRegisteredWithOneCreatedEntry_AndSearchTextHoldsTheContact()
    {
        var ticket = Tickets.New(TicketKind.Fault);

        Assert.Equal(Registered, ticket.Status);
        Assert.Equal("NM-2026-000001", ticket.Folio);
        Assert.Equal(TimelineEntryType.Created, Assert.Single(ticket.Timeline).Type);
        Assert.Contains("4921234567", ticket.SearchText, StringComparison.Ordinal);
        Assert.Contains("juan@example.mx", ticket.SearchText, StringComparison.Ordinal);
    }

    [Fact]
    public void Wire_NamesStatusesInSnakeCase() =>
        Assert.Equal("waiting_on_subscriber", Wire.Name(WaitingOnSubscriber));
}
