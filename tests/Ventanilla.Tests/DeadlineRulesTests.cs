using Ventanilla.Deadlines;
using Ventanilla.Tickets;

namespace Ventanilla.Tests;

public class DeadlineRulesTests
{
    private static readonly DeadlineRules Specific = new(
    [
        new(TicketKind.Fault, DeadlineKind.Resolution, 24, DeadlineUnit.CalendarHours),
        new(TicketKind.Fault, DeadlineKind.Resolution, 4, DeadlineUnit.CalendarHours, Priority: TicketPriority.Urgent),
        new(TicketKind.Fault, DeadlineKind.Resolution, 12, DeadlineUnit.CalendarHours, AreaCode: "tecnica"),
        new(TicketKind.Fault, DeadlineKind.Resolution, 2, DeadlineUnit.CalendarHours, AreaCode: "tecnica", Priority: TicketPriority.Urgent),
        new(TicketKind.Fault, DeadlineKind.FirstResponse, 1, DeadlineUnit.BusinessHours),
    ]);

    [Theory]
    [InlineData("tecnica", TicketPriority.Urgent, 2)]
    [InlineData("TECNICA", TicketPriority.Urgent, 2)]
    [InlineData("tecnica", TicketPriority.Normal, 12)]
    [InlineData("facturacion", TicketPriority.Urgent, 4)]
    [InlineData(null, TicketPriority.Urgent, 4)]
    [InlineData(null, TicketPriority.Low, 24)]
    [InlineData(null, null, 24)]
    public void Find_SeveralRulesMatch_TheMostSpecificWins(string? area, TicketPriority? priority, int hours) =>
        Assert.Equal(hours, Specific.Find(TicketKind.Fault, DeadlineKind.Resolution, area, priority)?.Amount);

    [Fact]
    public void Find_AreaRuleAndPriorityRule_AreaWins()
    {
        var rules = new DeadlineRules(
        [
            new(TicketKind.Complaint, DeadlineKind.Resolution, 3, DeadlineUnit.BusinessDays, Priority: TicketPriority.High),
            new(TicketKind.Complaint, DeadlineKind.Resolution, 10, DeadlineUnit.BusinessDays, AreaCode: "facturacion"),
        ]);

        Assert.Equal(10, rules.Find(TicketKind.Complaint, DeadlineKind.Resolution, "facturacion", TicketPriority.High)?.Amount);
    }

    [Fact]
    public void Find_NoRuleForTheClock_IsNull()
    {
        Assert.Null(Specific.Find(TicketKind.Query, DeadlineKind.Resolution, null, null));
        Assert.Null(Specific.Find(TicketKind.Fault, DeadlineKind.WrittenReceipt, null, null));
    }

    [Fact]
    public void Defaults_FaultRepair_Is24CalendarHours() =>
        Assert.Equal(new DeadlineRule(TicketKind.Fault, DeadlineKind.Resolution, 24, DeadlineUnit.CalendarHours),
            DeadlineRules.Defaults.Find(TicketKind.Fault, DeadlineKind.Resolution, "tecnica", TicketPriority.Urgent));

    [Fact]
    public void Defaults_ComplaintAnswer_Is15BusinessDays() =>
        Assert.Equal(new DeadlineRule(TicketKind.Complaint, DeadlineKind.Resolution, 15, DeadlineUnit.BusinessDays),
            DeadlineRules.Defaults.Find(TicketKind.Complaint, DeadlineKind.Resolution, "facturacion", TicketPriority.Normal));

    [Fact]
    public void Defaults_CancellationFolio_IsImmediate() =>
        Assert.Equal(0, DeadlineRules.Defaults.Find(TicketKind.Cancellation, DeadlineKind.FirstResponse, null, null)?.Amount);

    [Fact]
    public void Defaults_ReconnectionByTheTechnicalArea_Is48CalendarHours()
    {
        var rule = DeadlineRules.Defaults.Find(TicketKind.Other, DeadlineKind.Resolution, DeadlineRules.TechnicalArea, null);

        Assert.Equal((48, DeadlineUnit.CalendarHours), (rule?.Amount, rule?.Unit));
        Assert.Null(DeadlineRules.Defaults.Find(TicketKind.Other, DeadlineKind.Resolution, "comercial", null));
    }

    [Fact]
    public void Defaults_ReceiptAndAgreementConfirmation_Are5BusinessDaysForEveryKind() =>
        Assert.All(Enum.GetValues<TicketKind>(), kind =>
        {
            foreach (var what in new[] { DeadlineKind.WrittenReceipt, DeadlineKind.AgreementConfirmation })
            {
                var rule = DeadlineRules.Defaults.Find(kind, what, null, null);
                Assert.Equal((5, DeadlineUnit.BusinessDays), (rule?.Amount, rule?.Unit));
            }
        });
}
