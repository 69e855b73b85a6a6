using Microsoft.AspNetCore.Identity;

namespace Ventanilla.Staff;

/// <summary>What a sign-in attempt came to, as the sign-in page tells it.</summary>
public enum SignInOutcome
{
    Succeeded,
    RequiresTwoFactor,
    /// <summary>Unknown account or wrong password: one answer for both.</summary>
    Refused,
    Throttled,
    LockedOut,
    Disabled,
}

/// <summary>
/// The console's password step. Whether an account exists never shows: an unknown account costs
/// the same password hashing as a wrong password and gets the same answer, and whether an account
/// is locked or disabled is told only to someone who gave its right password.
/// </summary>
public sealed class StaffSignIn(UserManager<StaffUser> users, StaffSignInManager signIn, SignInThrottle throttle)
{
    private static readonly StaffUser Decoy = new();
    private static string? decoyHash;

    public async Task<SignInOutcome> SignInAsync(string email, string password, string address)
    {
        if (!throttle.Allows(address, email))
        {
            return SignInOutcome.Throttled;
        }

        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            // Hashing the password anyway takes as long as checking it for a real account.
            decoyHash ??= users.PasswordHasher.HashPassword(Decoy, Guid.NewGuid().ToString());
            users.PasswordHasher.VerifyHashedPassword(Decoy, decoyHash, password);
            throttle.Failed(address, email);
            return SignInOutcome.Refused;
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            throttle.Failed(address, email);
            return SignInOutcome.Refused;
        }

        throttle.Succeeded(address, email);
        if (user.IsDisabled)
        {
            return SignInOutcome.Disabled;
        }

        // Identity's own lockout counts only wrong codes at the second step, which needs the password.
        // The password was checked above: it is not hashed a second time.
        var result = await signIn.SignInCheckedAsync(user);
        return result.Succeeded ? SignInOutcome.Succeeded
            : result.RequiresTwoFactor ? SignInOutcome.RequiresTwoFactor
            : result.IsLockedOut ? SignInOutcome.LockedOut
            : SignInOutcome.Refused;
    }
}
