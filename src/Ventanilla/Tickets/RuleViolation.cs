namespace Ventanilla.Tickets;

/// <summary>
/// A change the procedure does not allow from where the ticket stands. The API answers it with
/// 409, naming the current status, the statuses allowed from it and anything still missing.
/// </summary>
public sealed record RuleViolation(
    string Message,
    TicketStatus Current,
    IReadOnlyList<TicketStatus> Allowed,
    IReadOnlyList<string> Missing)
{
    /// <summary>Things a fault must have before it can be closed.</summary>
    public const string MissingResolution = "resolution";
    public const string MissingNotification = "notification";
}
