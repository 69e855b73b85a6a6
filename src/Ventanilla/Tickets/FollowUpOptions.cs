using System.ComponentModel.DataAnnotations;
using Ventanilla.Deadlines;

namespace Ventanilla.Tickets;

/// <summary>The follow-up engine's settings (section <c>FollowUp</c>) that are not the provider's rules themselves.</summary>
public sealed class FollowUpOptions
{
    public const string Section = "FollowUp";

    /// <summary>Business days a notified subscriber has to answer before the folio closes without an answer.</summary>
    [Range(1, 60, ErrorMessage = "FollowUp:AutoCloseDays must be between 1 and 60 business days.")]
    public int AutoCloseDays { get; set; } = 5;

    /// <summary>How often the worker looks for notices left unanswered.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "FollowUp:AutoCloseEvery must be between one second and one day.")]
    public TimeSpan AutoCloseEvery { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The share of a clock's allowed time after which it is at risk and supervisors are told.</summary>
    [Range(0.05, 1.0, ErrorMessage = "FollowUp:AtRiskShare must be between 0.05 and 1 (0.75 is 75 %).")]
    public double AtRiskShare { get; set; } = Deadline.DefaultAtRiskAt;

    /// <summary>How often the notice and recompute jobs look for work.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "FollowUp:JobInterval must be between 1 second and 1 hour.")]
    public TimeSpan JobInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Tickets a job handles in one transaction, so a rule change on a big install never holds locks for long.</summary>
    [Range(10, 5000, ErrorMessage = "FollowUp:BatchSize must be between 10 and 5000.")]
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// How far back the notice job looks for clocks that turned at risk or overdue. Older ones
    /// were someone's business already; a first start on years of data does not flood supervisors.
    /// </summary>
    [Range(typeof(TimeSpan), "00:10:00", "30.00:00:00", ErrorMessage = "FollowUp:NoticeLookback must be between 10 minutes and 30 days.")]
    public TimeSpan NoticeLookback { get; set; } = TimeSpan.FromDays(2);

    /// <summary>
    /// Whether the subscriber is told too when their folio's clock turns at risk and when it runs
    /// out, with the deadline_at_risk and deadline_breached templates. Supervisors are told always.
    /// </summary>
    public bool TellSubscribersAboutDeadlines { get; set; } = true;
}
