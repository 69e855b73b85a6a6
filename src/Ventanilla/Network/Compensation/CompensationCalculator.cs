using System.Globalization;

namespace Ventanilla.Network.Compensation;

/// <summary>
/// The arithmetic of a credit, as a pure function of decimals: no clock, no database.
/// <c>base = price × units / period units</c> (units: days or hours begun without service, at most the
/// period's), <c>bonus = base × rate</c>, each rounded half away from zero, <c>amount = base + bonus</c>.
/// </summary>
public static class CompensationCalculator
{
    private const int MinutesPerDay = 24 * 60;

    private static readonly CultureInfo Mexico = CultureInfo.GetCultureInfo("es-MX");

    /// <param name="monthlyPriceMxn">The price of one billing period.</param>
    /// <param name="periodFirst">The first day of the billing period the time without service started in.</param>
    /// <param name="periodLast">Its last day (the cut-off).</param>
    /// <param name="minutesWithoutService">The minutes that count; negative counts as none.</param>
    public static CompensationAmounts Compute(decimal monthlyPriceMxn, DateOnly periodFirst, DateOnly periodLast,
        long minutesWithoutService, CompensationTerms terms)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(monthlyPriceMxn);
        ArgumentOutOfRangeException.ThrowIfLessThan(periodLast, periodFirst);
        var periodDays = periodLast.DayNumber - periodFirst.DayNumber + 1;
        var minutes = Math.Max(0, minutesWithoutService);
        var byDays = terms.Base == CompensationBase.ProratedByDays;
        var perUnit = byDays ? MinutesPerDay : 60;
        var periodUnits = byDays ? periodDays : periodDays * 24;
        // A day (or hour) begun without service is a day without service; never more than the period holds.
        var units = (int)Math.Min(periodUnits, (minutes + perUnit - 1) / perUnit);

        var baseMxn = Round(monthlyPriceMxn * units / periodUnits, terms.RoundingDecimals);
        var bonusMxn = Round(baseMxn * terms.Rate, terms.RoundingDecimals);
        var amount = baseMxn + bonusMxn;
        var unitName = byDays ? (units == 1 ? "día" : "días") : (units == 1 ? "hora" : "horas");
        var periodName = byDays ? $"{periodDays} días" : $"{periodUnits} horas";
        var explanation = string.Format(Mexico,
            "{0} × {1} {2} / {3} del periodo del {4:dd/MM/yyyy} al {5:dd/MM/yyyy} = {6}; más {7:0.##} % = {8}; total {9}.",
            Money(monthlyPriceMxn), units, unitName, periodName, periodFirst, periodLast, Money(baseMxn),
            terms.Rate * 100, Money(bonusMxn), Money(amount));
        return new CompensationAmounts(units, byDays ? "días" : "horas", periodUnits, baseMxn, bonusMxn, amount, explanation);
    }

    /// <summary>Half away from zero: 0.005 is a cent, as a person rounding by hand expects.</summary>
    public static decimal Round(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    /// <summary>As a Mexican statement shows money: $1,234.50.</summary>
    public static string Money(decimal amount) => amount.ToString("$#,##0.00", CultureInfo.InvariantCulture);
}

/// <summary>A computed credit with the figures that produced it.</summary>
public sealed record CompensationAmounts(
    int Units,
    string UnitName,
    int PeriodUnits,
    decimal BaseMxn,
    decimal BonusMxn,
    decimal AmountMxn,
    string Explanation);
