namespace Ventanilla.Network.Compensation;

/// <summary>The <c>Compensation</c> settings: how often the ledger runs and where approved lines are announced.</summary>
public sealed class CompensationOptions
{
    public const string Section = "Compensation";

    /// <summary>How often restored outages and resolved faults are turned into lines.</summary>
    public TimeSpan LedgerEvery { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The billing system's endpoint, told of every approved line; none: no webhook.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The shared secret of the webhook's HMAC-SHA256 signature.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>How often waiting webhook deliveries are tried; a failure waits twice as long each time, up to a day.</summary>
    public TimeSpan WebhookEvery { get; set; } = TimeSpan.FromSeconds(30);
}
