using System.ComponentModel.DataAnnotations;

namespace Ventanilla.FollowUp;

/// <summary>The follow-up engine's settings (section <c>FollowUp</c>).</summary>
public sealed class FollowUpOptions
{
    public const string Section = "FollowUp";

    /// <summary>Business days a notified subscriber has to answer before the folio closes without an answer.</summary>
    [Range(1, 60, ErrorMessage = "FollowUp:AutoCloseDays must be between 1 and 60 business days.")]
    public int AutoCloseDays { get; set; } = 5;

    /// <summary>How often the worker looks for notices left unanswered.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "FollowUp:AutoCloseEvery must be between one second and one day.")]
    public TimeSpan AutoCloseEvery { get; set; } = TimeSpan.FromMinutes(15);
}
