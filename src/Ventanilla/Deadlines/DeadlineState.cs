namespace Ventanilla.Deadlines;

public enum DeadlineStatus { OnTime, AtRisk, Overdue }

/// <summary>
/// Where a clock stands at a moment: its due time, and the wall-clock time left until then,
/// negative once overdue. While the ticket is paused the due time moves and the time left holds.
/// </summary>
public sealed record DeadlineState(DeadlineStatus Status, DateTime DueUtc, TimeSpan TimeLeft);
