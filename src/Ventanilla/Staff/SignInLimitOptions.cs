using System.ComponentModel.DataAnnotations;

namespace Ventanilla.Staff;

/// <summary>
/// How many wrong passwords the console accepts before it stops listening to a client for a while.
/// Counted per node, in memory (see docs/security.md).
/// </summary>
public sealed class SignInLimitOptions
{
    public const string Section = "SignIn";

    /// <summary>Wrong passwords for one account from one client address.</summary>
    [Range(1, 1000)]
    public int PerAccountFailures { get; set; } = 5;

    /// <summary>Wrong passwords for any account from one client address.</summary>
    [Range(1, 100000)]
    public int PerAddressFailures { get; set; } = 20;

    [Range(1, 1440)]
    public int WindowMinutes { get; set; } = 15;
}
