using System.ComponentModel.DataAnnotations;

namespace Ventanilla.Network.Outages;

/// <summary>Settings of the outage desk (section <c>Outages</c>).</summary>
public sealed class OutageOptions
{
    public const string Section = "Outages";

    /// <summary>
    /// Keys the HMAC-SHA256 a monitoring system puts in <c>X-Ventanilla-Signature</c>. Without it every
    /// alert is refused: an unsigned alert could declare an outage and tell thousands of subscribers.
    /// </summary>
    public string? MonitoringSecret { get; set; }

    /// <summary>How often report clustering looks for outages to propose.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan ClusteringInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>False keeps this process from running clustering on its own (tests run passes themselves).</summary>
    public bool RunClusteringInBackground { get; set; } = true;
}
