namespace Ventanilla.Staff;

/// <summary>What a fresh install creates on its first start.</summary>
public sealed class BootstrapOptions
{
    public const string Section = "Bootstrap";
    public const int MinimumKeyLength = 20;

    public string AdminEmail { get; set; } = "admin@localhost";

    /// <summary>Without one, a password is generated and printed once.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>An administrator API key to create if absent, for automation and tests.</summary>
    public string? ApiKey { get; set; }
}
