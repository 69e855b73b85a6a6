using System.ComponentModel.DataAnnotations;

namespace Ventanilla.Channels.Portal;

/// <summary>The subscribers' portal: how long a session and a code last, and the limits against abuse.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>The simplified privacy notice; empty means the default text written for the provider.</summary>
    public string? PrivacyNotice { get; set; }

    /// <summary>How long an opened folio stays open in the browser without asking for proof again.</summary>
    [Range(1, 24 * 60)]
    public int SessionMinutes { get; set; } = 30;

    [Range(1, 24 * 60)]
    public int CodeMinutes { get; set; } = 10;

    /// <summary>Wrong tries that spend a one-time code.</summary>
    [Range(1, 20)]
    public int CodeAttempts { get; set; } = 5;

    /// <summary>
    /// Every proof check takes at least this long, found or not, so the time of the answer does not
    /// tell an existing folio from an unknown one.
    /// </summary>
    [Range(0, 5000)]
    public int ProofFloorMilliseconds { get; set; } = 300;

    /// <summary>False when this node does not sweep expired codes from the outbox (tests drive the sweep themselves).</summary>
    public bool RunInBackground { get; set; } = true;

    [Required]
    public PortalRateLimits RateLimits { get; set; } = new();
}

/// <summary>
/// Form submissions allowed per window from one address and on one folio (counted on each node), and
/// failed proofs allowed per folio and per phone or email (counted in the database, for every node).
/// </summary>
public sealed class PortalRateLimits
{
    [Range(1, 100_000)]
    public int PerIpPermits { get; set; } = 100;

    [Range(1, 100_000)]
    public int PerFolioPermits { get; set; } = 10;

    [Range(1, 24 * 3600)]
    public int WindowSeconds { get; set; } = 600;

    /// <summary>Failed proofs on one folio, from anyone, within <see cref="FailureWindowSeconds"/>.</summary>
    [Range(1, 100_000)]
    public int PerFolioFailures { get; set; } = 10;

    /// <summary>Failed proofs with one phone or email, on any folio, within <see cref="FailureWindowSeconds"/>.</summary>
    [Range(1, 100_000)]
    public int PerProofFailures { get; set; } = 5;

    [Range(1, 7 * 24 * 3600)]
    public int FailureWindowSeconds { get; set; } = 3600;
}
