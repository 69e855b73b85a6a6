using Ventanilla.Channels.Portal;
using Ventanilla.Tickets;

namespace Ventanilla.Tests;

public class PortalRulesTests
{
    [Fact]
    public void Rate_AfterTheSubscriberWasTold_KeepsScoreCommentAndATimelineEntry()
    {
        var ticket = Tickets.InStatus(TicketKind.Fault, TicketStatus.Notified);

        Assert.Null(ticket.Rate(5, "  Muy atentos  ", Tickets.Agent, Tickets.Now));

        Assert.Equal((5, "Muy atentos", Tickets.Now), (ticket.Rating!.Value, ticket.RatingComment!, ticket.RatedAt!.Value));
        var entry = ticket.Timeline[^1];
        Assert.Equal((TimelineEntryType.FieldChanged, "rating", "5"), (entry.Type, entry.Field!, entry.To!));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void Rate_OutsideOneToFive_IsRefused(int score)
    {
        var ticket = Tickets.InStatus(TicketKind.Fault, TicketStatus.Closed);

        Assert.NotNull(ticket.Rate(score, null, Tickets.Agent, Tickets.Now));
        Assert.Null(ticket.Rating);
    }

    [Fact]
    public void Rate_WorkStillUnderWayOrAlreadyRated_IsRefused()
    {
        var open = Tickets.InStatus(TicketKind.Fault, TicketStatus.InProgress);
        var closed = Tickets.InStatus(TicketKind.Fault, TicketStatus.Closed);
        closed.Rate(3, null, Tickets.Agent, Tickets.Now);

        Assert.NotNull(open.Rate(4, null, Tickets.Agent, Tickets.Now));
        Assert.NotNull(closed.Rate(4, null, Tickets.Agent, Tickets.Now));
        Assert.Equal(3, closed.Rating);
    }

    [Fact]
    public void AccessCode_RightDigitsWorkOnceAndOnlyTheHashIsKept()
    {
        var (code, plain) = AccessCode.Issue(7, Tickets.Now, TimeSpan.FromMinutes(10));

        Assert.Matches("^[0-9]{6}$", plain);
        Assert.DoesNotContain(plain, code.Hash, StringComparison.Ordinal);
        Assert.True(code.TryUse(plain, Tickets.Now.AddMinutes(1), maxAttempts: 5));
        Assert.False(code.TryUse(plain, Tickets.Now.AddMinutes(2), maxAttempts: 5));
    }

    [Fact]
    public void AccessCode_ExpiredOrAfterTooManyWrongTries_OpensNothing()
    {
        var (late, latePlain) = AccessCode.Issue(7, Tickets.Now, TimeSpan.FromMinutes(10));
        var (guessed, guessedPlain) = AccessCode.Issue(7, Tickets.Now, TimeSpan.FromMinutes(10));
        var wrong = guessedPlain == "000000" ? "111111" : "000000";

        Assert.False(late.TryUse(latePlain, Tickets.Now.AddMinutes(10), maxAttempts: 5));
        Assert.False(guessed.TryUse(wrong, Tickets.Now, maxAttempts: 2));
        Assert.False(guessed.TryUse(wrong, Tickets.Now, maxAttempts: 2));
        Assert.False(guessed.TryUse(guessedPlain, Tickets.Now, maxAttempts: 2));
    }

    [Fact]
    public void PrivacyRequest_IsAnsweredWithinTwentyBusinessDays()
    {
        var rule = Ventanilla.Deadlines.DeadlineRules.Defaults.Find(TicketKind.PrivacyRequest, Ventanilla.Deadlines.DeadlineKind.Resolution, null, null);

        Assert.Equal((20, Ventanilla.Deadlines.DeadlineUnit.BusinessDays), (rule!.Amount, rule.Unit));
        Assert.Equal("privacy_request", Web.Wire.Name(TicketKind.PrivacyRequest));
    }
}
