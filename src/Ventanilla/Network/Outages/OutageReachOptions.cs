using System.ComponentModel.DataAnnotations;

namespace Ventanilla.Network.Outages;

/// <summary>How outages reach subscribers (section <c>Outages</c>): notice pace and the maintenance pre-notice.</summary>
public sealed class OutageReachOptions
{
    public const string Section = "Outages";

    /// <summary>
    /// At most this many outage notices are queued per minute, so one outage over a large node does
    /// not fill the outbox (and WhatsApp's sending limits) at once; the rest wait for the next pass.
    /// </summary>
    [Range(1, 100_000, ErrorMessage = "Outages:NoticesPerMinute must be between 1 and 100000.")]
    public int NoticesPerMinute { get; set; } = 600;

    /// <summary>How long before a planned maintenance starts its subscribers are told.</summary>
    [Range(typeof(TimeSpan), "00:10:00", "14.00:00:00", ErrorMessage = "Outages:PlannedNoticeAhead must be between 10 minutes and 14 days.")]
    public TimeSpan PlannedNoticeAhead { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often the notice and restoration jobs look for work.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Outages:JobInterval must be between 1 second and 1 hour.")]
    public TimeSpan JobInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>False on nodes (and in tests) that do not run the notice and restoration jobs.</summary>
    public bool RunInBackground { get; set; } = true;
}
