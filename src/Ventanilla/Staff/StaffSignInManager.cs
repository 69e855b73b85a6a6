using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Ventanilla.Staff;

/// <summary>
/// Identity's sign-in manager with one more door: signing in someone whose password was already
/// checked. <see cref="SignInManager{TUser}.PasswordSignInAsync(TUser, string, bool, bool)"/> would
/// hash the password a second time, and a password hash is the costliest step of a sign-in.
/// </summary>
public sealed class StaffSignInManager(
    UserManager<StaffUser> users, IHttpContextAccessor http, IUserClaimsPrincipalFactory<StaffUser> claims, IOptions<IdentityOptions> options,
    ILogger<SignInManager<StaffUser>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<StaffUser> confirmation)
    : SignInManager<StaffUser>(users, http, claims, options, logger, schemes, confirmation)
{
    /// <summary>
    /// What <c>PasswordSignInAsync</c> does after its password check, for a password checked by the
    /// caller: refused when the account may not sign in or is locked out, otherwise signed in or sent
    /// to the second step.
    /// </summary>
    public async Task<SignInResult> SignInCheckedAsync(StaffUser user)
    {
        if (!await CanSignInAsync(user))
        {
            return SignInResult.NotAllowed;
        }

        if (await IsLockedOut(user))
        {
            return SignInResult.LockedOut;
        }

        // As Identity does: a right password clears the failure count only when no second step
        // follows, so knowing the password never resets the count of wrong codes.
        if (UserManager.SupportsUserLockout && !await NeedsSecondStepAsync(user))
        {
            await UserManager.ResetAccessFailedCountAsync(user);
        }

        return await SignInOrTwoFactorAsync(user, isPersistent: false);
    }

    private async Task<bool> NeedsSecondStepAsync(StaffUser user) =>
        UserManager.SupportsUserTwoFactor && await UserManager.GetTwoFactorEnabledAsync(user)
        && (await UserManager.GetValidTwoFactorProvidersAsync(user)).Count > 0
        && !await IsTwoFactorClientRememberedAsync(user);
}
