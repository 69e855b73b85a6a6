namespace Ventanilla.Subscribers.Services;

/// <summary>
/// One contracted service of a subscriber at one address (servicio contratado): what is paid for,
/// when its billing period closes, whether it is active, and the network node it hangs from. A
/// subscriber may have several, at several addresses.
/// </summary>
public sealed class Service
{
    public const int CodeLength = 100;

    private Service()
    {
    }

    public long Id { get; private set; }

    /// <summary>The provider's id of the service (the billing system's, or LibreQoS's circuit id): unique, how imports match.</summary>
    public string Code { get; private set; } = "";

    /// <summary>The contract number as the source gave it; the subscriber is found by it.</summary>
    public string? AccountNumber { get; private set; }
    public long? SubscriberId { get; private set; }
    public long? NodeId { get; private set; }
    public ServiceState State { get; private set; }
    public string? PlanName { get; private set; }

    /// <summary>The monthly price in MXN, tax included as billed: the base of any compensation.</summary>
    public decimal? MonthlyPriceMxn { get; private set; }

    /// <summary>The day of the month the billing period closes (1–31; a short month closes on its last day).</summary>
    public int? BillingCutoffDay { get; private set; }
    public string? Street { get; private set; }
    public string? Neighborhood { get; private set; }
    public string? PostalCode { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public static Service Create(string code, DateTime now) =>
        new() { Code = code.Trim(), State = ServiceState.Active, CreatedAt = now, UpdatedAt = now };

    /// <summary>Sets everything a source says about the service; true when anything changed, so an import run twice writes nothing.</summary>
    public bool Apply(ServiceDetails d, long? subscriberId, long? nodeId, DateTime now)
    {
        if (AccountNumber == d.AccountNumber && SubscriberId == subscriberId && NodeId == nodeId && State == d.State
            && PlanName == d.PlanName && MonthlyPriceMxn == d.MonthlyPriceMxn && BillingCutoffDay == d.BillingCutoffDay
            && Street == d.Street && Neighborhood == d.Neighborhood && PostalCode == d.PostalCode)
        {
            return false;
        }

        AccountNumber = d.AccountNumber;
        SubscriberId = subscriberId;
        NodeId = nodeId;
        State = d.State;
        PlanName = d.PlanName;
        MonthlyPriceMxn = d.MonthlyPriceMxn;
        BillingCutoffDay = d.BillingCutoffDay;
        Street = d.Street;
        Neighborhood = d.Neighborhood;
        PostalCode = d.PostalCode;
        UpdatedAt = now;
        Version++;
        return true;
    }

    /// <summary>
    /// The billing period this moment falls in, from the cut-off day: it starts the day after one
    /// cut-off and ends on the next. Without a cut-off day, the calendar month.
    /// </summary>
    public (DateOnly First, DateOnly Last) BillingPeriodOf(DateOnly day) => BillingPeriods.Of(day, BillingCutoffDay);
}

/// <summary>What an import or an edit says about a service.</summary>
public sealed record ServiceDetails(
    string? AccountNumber,
    ServiceState State,
    string? PlanName,
    decimal? MonthlyPriceMxn,
    int? BillingCutoffDay,
    string? Street,
    string? Neighborhood,
    string? PostalCode);

/// <summary>Only active services are told of outages and owed compensation.</summary>
public enum ServiceState { Active, Suspended, Cancelled }

public static class ServiceLabels
{
    public static string Of(ServiceState state) => state switch
    {
        ServiceState.Active => "activo",
        ServiceState.Suspended => "suspendido",
        _ => "cancelado",
    };
}

/// <summary>Billing periods from a cut-off day.</summary>
public static class BillingPeriods
{
    public static (DateOnly First, DateOnly Last) Of(DateOnly day, int? cutoffDay)
    {
        if (cutoffDay is not { } cut)
        {
            var first = new DateOnly(day.Year, day.Month, 1);
            return (first, first.AddMonths(1).AddDays(-1));
        }

        var thisCut = CutoffIn(day.Year, day.Month, cut);
        if (day <= thisCut)
        {
            var previous = day.AddMonths(-1);
            return (CutoffIn(previous.Year, previous.Month, cut).AddDays(1), thisCut);
        }

        var next = day.AddMonths(1);
        return (thisCut.AddDays(1), CutoffIn(next.Year, next.Month, cut));
    }

    /// <summary>The next cut-off on or after a day: the date a credit must be applied by.</summary>
    public static DateOnly NextCutoff(DateOnly day, int? cutoffDay) => Of(day, cutoffDay).Last;

    private static DateOnly CutoffIn(int year, int month, int cut) =>
        new(year, month, Math.Min(cut, DateTime.DaysInMonth(year, month)));
}
