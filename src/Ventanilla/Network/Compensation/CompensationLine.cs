namespace Ventanilla.Network.Compensation;

/// <summary>
/// One computed credit (línea de bonificación) for one service: from an outage or from one upheld
/// fault. It keeps its inputs and the policy version it was computed with, so a later policy
/// change never rewrites what was owed. Amounts are MXN decimals.
/// </summary>
public sealed partial class CompensationLine
{
    public const int TextLength = 1000;
    public const int ReferenceLength = 100;

    private CompensationLine()
    {
    }

    public long Id { get; private set; }
    public CompensationSource Source { get; private set; }
    public long? OutageId { get; private set; }
    public long? TicketId { get; private set; }
    public long ServiceId { get; private set; }
    public long? SubscriberId { get; private set; }

    /// <summary>The time without service that counts, in UTC.</summary>
    public DateTime From { get; private set; }
    public DateTime To { get; private set; }
    public int MinutesWithoutService { get; private set; }

    // The inputs, as they were when the line was computed: the service's price and period may change later.
    public decimal? MonthlyPriceMxn { get; private set; }
    public DateOnly PeriodFirst { get; private set; }
    public DateOnly PeriodLast { get; private set; }

    /// <summary>Days or hours begun without service, as the policy's base counts them.</summary>
    public int Units { get; private set; }
    public string UnitName { get; private set; } = "";
    public long PolicyId { get; private set; }
    public int PolicyNumber { get; private set; }
    public decimal BaseMxn { get; private set; }
    public decimal BonusMxn { get; private set; }

    /// <summary>What the credit is owed on: the amount the policy computed.</summary>
    public decimal AmountMxn { get; private set; }
    public string Explanation { get; private set; } = "";
    public CompensationState State { get; private set; }

    /// <summary>Why nothing is owed (no procede), or why a supervisor rejected it.</summary>
    public string? Reason { get; private set; }

    /// <summary>The billing cut-off the credit must be applied by.</summary>
    public DateOnly ApplyBy { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? DecidedById { get; private set; }
    public string? DecidedByName { get; private set; }
    public DateTime? AppliedAt { get; private set; }

    /// <summary>The billing system's credit-note reference (nota de crédito).</summary>
    public string? AppliedReference { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>A credit owed; approved at once by the system when the policy's auto-approve amount covers it.</summary>
    public static CompensationLine Owed(LineOrigin origin, CompensationAmounts amounts, CompensationPolicy policy, DateTime now)
    {
        var line = New(origin, policy, now);
        line.Units = amounts.Units;
        line.UnitName = amounts.UnitName;
        line.BaseMxn = amounts.BaseMxn;
        line.BonusMxn = amounts.BonusMxn;
        line.AmountMxn = amounts.AmountMxn;
        line.Explanation = Clip(amounts.Explanation)!;
        if (amounts.AmountMxn <= 0m || amounts.AmountMxn < policy.MinimumAmountMxn)
        {
            line.State = CompensationState.NotOwed;
            line.Reason = amounts.AmountMxn <= 0m
                ? "Sin tiempo sin servicio que bonificar."
                : $"El monto es menor al mínimo de la póliza ({CompensationCalculator.Money(policy.MinimumAmountMxn)}).";
        }
        else if (amounts.AmountMxn <= policy.AutoApproveUpToMxn)
        {
            line.Decide(CompensationState.Approved, null, SystemId, "Sistema (aprobación automática)", now);
        }

        return line;
    }

    /// <summary>A line that says nothing is owed and why (force majeure under the threshold, a fault on the subscriber's side).</summary>
    public static CompensationLine NotOwed(LineOrigin origin, CompensationPolicy policy, string reason, DateTime now)
    {
        var line = New(origin, policy, now);
        line.State = CompensationState.NotOwed;
        line.Reason = Clip(reason);
        line.Explanation = line.Reason!;
        return line;
    }

    public const string SystemId = "system";

    public CompensationRefusal? Approve(string byId, string byName, DateTime now) =>
        State == CompensationState.Proposed
            ? Decide(CompensationState.Approved, null, byId, byName, now)
            : new CompensationRefusal($"Solo una línea propuesta se aprueba; esta está {CompensationLabels.Of(State)}.");

    /// <summary>No procede, with the supervisor's reason; an applied credit cannot be taken back here.</summary>
    public CompensationRefusal? Reject(string reason, string byId, string byName, DateTime now)
    {
        if (State is not (CompensationState.Proposed or CompensationState.Approved))
        {
            return new CompensationRefusal($"Una línea {CompensationLabels.Of(State)} ya no se rechaza.");
        }

        return string.IsNullOrWhiteSpace(reason)
            ? new CompensationRefusal("Escribe por qué no procede.")
            : Decide(CompensationState.NotOwed, reason.Trim(), byId, byName, now);
    }

    /// <summary>
    /// The billing system applied the credit. The same reference again changes nothing (an import
    /// or a call repeated); another reference for an applied line is a conflict.
    /// </summary>
    public CompensationRefusal? MarkApplied(string reference, DateTime now)
    {
        reference = reference.Trim();
        if (reference.Length is 0 or > ReferenceLength)
        {
            return new CompensationRefusal($"La referencia de la nota de crédito es obligatoria y admite hasta {ReferenceLength} caracteres.");
        }

        if (State == CompensationState.Applied)
        {
            return AppliedReference == reference ? null
                : new CompensationRefusal($"La línea ya se aplicó con la referencia {AppliedReference}.");
        }

        if (State != CompensationState.Approved)
        {
            return new CompensationRefusal($"Solo una línea aprobada se aplica; esta está {CompensationLabels.Of(State)}.");
        }

        State = CompensationState.Applied;
        AppliedReference = reference;
        AppliedAt = now;
        Touch(now);
        return null;
    }

    private static CompensationLine New(LineOrigin o, CompensationPolicy policy, DateTime now) => new()
    {
        Source = o.Source,
        OutageId = o.OutageId,
        TicketId = o.TicketId,
        ServiceId = o.ServiceId,
        SubscriberId = o.SubscriberId,
        From = o.From,
        To = o.To,
        MinutesWithoutService = (int)Math.Max(0, Math.Min(int.MaxValue, (o.To - o.From).TotalMinutes)),
        MonthlyPriceMxn = o.MonthlyPriceMxn,
        PeriodFirst = o.PeriodFirst,
        PeriodLast = o.PeriodLast,
        ApplyBy = o.ApplyBy,
        PolicyId = policy.Id,
        PolicyNumber = policy.Number,
        State = CompensationState.Proposed,
        CreatedAt = now,
        UpdatedAt = now,
    };

    private CompensationRefusal? Decide(CompensationState to, string? reason, string byId, string byName, DateTime now)
    {
        State = to;
        Reason = Clip(reason) ?? Reason;
        DecidedAt = now;
        DecidedById = byId;
        DecidedByName = byName;
        Touch(now);
        return null;
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }

    private static string? Clip(string? text) => text is { Length: > TextLength } ? text[..TextLength] : text;
}

/// <summary>Where a line comes from and the inputs its arithmetic used.</summary>
public sealed record LineOrigin(
    CompensationSource Source,
    long? OutageId,
    long? TicketId,
    long ServiceId,
    long? SubscriberId,
    DateTime From,
    DateTime To,
    decimal? MonthlyPriceMxn,
    DateOnly PeriodFirst,
    DateOnly PeriodLast,
    DateOnly ApplyBy);

/// <summary>A change the line's procedure does not allow; the API answers it with 409.</summary>
public sealed record CompensationRefusal(string Message);

public enum CompensationSource { Outage, Fault }

/// <summary>propuesta → aprobada → aplicada, or no procede with its reason.</summary>
public enum CompensationState { Proposed, Approved, Applied, NotOwed }

public static class CompensationLabels
{
    public static string Of(CompensationState state) => state switch
    {
        CompensationState.Proposed => "propuesta",
        CompensationState.Approved => "aprobada",
        CompensationState.Applied => "aplicada",
        _ => "no procede",
    };

    public static string Of(CompensationSource source) => source == CompensationSource.Outage ? "falla masiva" : "falla individual";
}
