using Ventanilla.Network.Compensation;

namespace Ventanilla.Tests.Compensation;

public class CompensationPolicyTests
{
    private static readonly DateTime Now = new(2026, 4, 2, 17, 0, 0, DateTimeKind.Utc);

    private static PolicyDraft Draft(decimal rate = 0.25m) =>
        new(rate, CompensationBase.ProratedByHours, 12, ThresholdStart.OutageStart, 5m, 2, 250m, "Cláusula DÉCIMA");

    [Fact]
    public void Version_1_carries_the_rules_defaults()
    {
        var policy = CompensationPolicy.Initial(Now);

        Assert.Equal(1, policy.Number);
        Assert.Equal(0.20m, policy.Rate);
        Assert.Equal(CompensationBase.ProratedByDays, policy.Base);
        Assert.Equal(24, policy.ForceMajeureThresholdHours);
        Assert.Equal(ThresholdStart.Report, policy.ThresholdFrom);
        Assert.Equal(2, policy.RoundingDecimals);
        Assert.Contains("NOM-184-SCFI-2018", policy.LegalCitation, StringComparison.Ordinal);
        Assert.Contains("derecho 18", policy.LegalCitation, StringComparison.Ordinal);
        Assert.Contains("DÉCIMA", policy.LegalCitation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_revision_is_a_new_version_and_leaves_the_old_one_as_it_was()
    {
        var first = CompensationPolicy.Initial(Now);

        var (next, refusal) = first.Revise(Draft(), "Supervisora", Now.AddDays(1));

        Assert.Null(refusal);
        Assert.Equal(2, next!.Number);
        Assert.Equal(0.25m, next.Rate);
        Assert.Equal(CompensationBase.ProratedByHours, next.Base);
        Assert.Equal("Supervisora", next.CreatedBy);
        Assert.Equal(1, first.Number);
        Assert.Equal(0.20m, first.Rate);
    }

    [Fact]
    public void A_rate_under_the_rules_20_percent_is_refused()
    {
        var (next, refusal) = CompensationPolicy.Initial(Now).Revise(Draft(rate: 0.10m), "Supervisora", Now);

        Assert.Null(next);
        Assert.Contains("0.20", refusal, StringComparison.Ordinal);
    }
}
