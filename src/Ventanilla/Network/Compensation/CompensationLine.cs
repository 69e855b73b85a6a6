namespace Ventanilla.Network.Compensation;

/// <summary>
/// One computed credit (línea de bonificación) for one service: from an outage or from one upheld
/// fault. It keeps its inputs and the policy version it was computed with, so a later policy
/// change never rewrites what was owed. Amounts are MXN decimals.
/// </summary>
public sealed partial class CompensationLine
{
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

    /// <summary>What the credit is owed on: the amount the policy computed.</summary>
    public decimal AmountMxn { get; private set; }
    public CompensationState State { get; private set; }

    /// <summary>The billing cut-off the credit must be applied by.</summary>
    public DateOnly ApplyBy { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public int Version { get; private set; }
}

public enum CompensationSource { Outage, Fault }

/// <summary>propuesta → aprobada → aplicada, or no procede with its reason.</summary>
public enum CompensationState { Proposed, Approved, Applied, NotOwed }
