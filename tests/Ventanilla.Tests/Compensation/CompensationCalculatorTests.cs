using CsCheck;
using Ventanilla.Network.Compensation;

namespace Ventanilla.Tests.Compensation;

public class CompensationCalculatorTests
{
    private static readonly CompensationTerms ByDays = new(0.20m, CompensationBase.ProratedByDays, 0m, 2);
    private static readonly CompensationTerms ByHours = new(0.20m, CompensationBase.ProratedByHours, 0m, 2);

    private static readonly DateOnly April1 = new(2026, 4, 1);
    private static readonly DateOnly April30 = new(2026, 4, 30);

    [Fact]
    public void The_rules_worked_example_500_a_month_3_days_of_30_owes_60()
    {
        var amounts = CompensationCalculator.Compute(500m, April1, April30, 3 * 24 * 60, ByDays);

        Assert.Equal(3, amounts.Units);
        Assert.Equal(50.00m, amounts.BaseMxn);
        Assert.Equal(10.00m, amounts.BonusMxn);
        Assert.Equal(60.00m, amounts.AmountMxn);
        Assert.Contains("$500.00 × 3 días / 30 días", amounts.Explanation, StringComparison.Ordinal);
        Assert.Contains("total $60.00", amounts.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_day_begun_without_service_counts_whole_by_days()
    {
        // 49 hours: two whole days and one begun.
        var amounts = CompensationCalculator.Compute(500m, April1, April30, 49 * 60, ByDays);

        Assert.Equal(3, amounts.Units);
        Assert.Equal(60.00m, amounts.AmountMxn);
    }

    [Fact]
    public void By_hours_10_hours_of_a_30_day_period_at_500_owes_8_33()
    {
        // 500 × 10 / 720 = 6.9444… → 6.94; 20 % of 6.94 = 1.388 → 1.39; total 8.33.
        var amounts = CompensationCalculator.Compute(500m, April1, April30, 9 * 60 + 1, ByHours);

        Assert.Equal(10, amounts.Units);
        Assert.Equal(6.94m, amounts.BaseMxn);
        Assert.Equal(1.39m, amounts.BonusMxn);
        Assert.Equal(8.33m, amounts.AmountMxn);
    }

    [Fact]
    public void Half_a_cent_rounds_away_from_zero()
    {
        // 300 × 1 / 31 = 9.677… → 9.68; 20 % of 9.68 = 1.936 → 1.94. And 0.125 → 0.13, not banker's 0.12.
        var amounts = CompensationCalculator.Compute(300m, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), 60, ByDays);

        Assert.Equal(9.68m, amounts.BaseMxn);
        Assert.Equal(1.94m, amounts.BonusMxn);
        Assert.Equal(0.13m, CompensationCalculator.Round(0.125m, 2));
    }

    [Fact]
    public void More_time_than_the_period_holds_owes_the_period_price_plus_the_rate_and_no_more()
    {
        var amounts = CompensationCalculator.Compute(500m, April1, April30, 45L * 24 * 60, ByDays);

        Assert.Equal(30, amounts.Units);
        Assert.Equal(600.00m, amounts.AmountMxn);
    }

    [Fact]
    public void No_time_without_service_owes_nothing()
    {
        Assert.Equal(0m, CompensationCalculator.Compute(500m, April1, April30, 0, ByDays).AmountMxn);
        Assert.Equal(0m, CompensationCalculator.Compute(500m, April1, April30, -30, ByHours).AmountMxn);
    }

    private sealed record Case(decimal Price, int PeriodDays, long Minutes, long MoreMinutes, decimal Rate, bool ByDays)
    {
        public static DateOnly First { get; } = new(2026, 1, 1);
        public DateOnly Last => First.AddDays(PeriodDays - 1);
        public CompensationTerms Terms => new(Rate, ByDays ? CompensationBase.ProratedByDays : CompensationBase.ProratedByHours, 0m, 2);
    }

    private static readonly Gen<Case> Cases = Gen.Select(
        Gen.Int[0, 5_000_000], Gen.Int[28, 31], Gen.Long[-1_000, 80_000], Gen.Long[0, 50_000], Gen.Int[20, 100], Gen.Bool,
        (cents, days, minutes, more, ratePercent, byDays) => new Case(cents / 100m, days, minutes, more, ratePercent / 100m, byDays));

    [Fact]
    public void A_credit_is_never_negative()
    {
        Cases.Sample(c => CompensationCalculator.Compute(c.Price, Case.First, c.Last, c.Minutes, c.Terms).AmountMxn >= 0m);
    }

    [Fact]
    public void A_credit_is_never_more_than_the_period_price_times_one_plus_the_rate()
    {
        // Rounded to cents, as every amount is: price + price × rate, the rounding included.
        Cases.Sample(c => CompensationCalculator.Compute(c.Price, Case.First, c.Last, c.Minutes, c.Terms).AmountMxn
                          <= CompensationCalculator.Round(c.Price * (1 + c.Rate), 2));
    }

    [Fact]
    public void More_minutes_never_owe_less()
    {
        Cases.Sample(c => CompensationCalculator.Compute(c.Price, Case.First, c.Last, c.Minutes, c.Terms).AmountMxn
                          <= CompensationCalculator.Compute(c.Price, Case.First, c.Last, c.Minutes + c.MoreMinutes, c.Terms).AmountMxn);
    }

    [Fact]
    public void Base_plus_bonus_is_the_amount_and_the_bonus_is_the_rate_of_the_base()
    {
        Cases.Sample(c =>
        {
            var a = CompensationCalculator.Compute(c.Price, Case.First, c.Last, c.Minutes, c.Terms);
            return a.BaseMxn + a.BonusMxn == a.AmountMxn && a.BonusMxn == CompensationCalculator.Round(a.BaseMxn * c.Rate, 2);
        });
    }
}
