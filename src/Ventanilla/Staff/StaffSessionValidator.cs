using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Ventanilla.Staff;

/// <summary>
/// Checks a console session against the person's record: every <see cref="StaffFeature.SessionCheckInterval"/>
/// on any node, and at once on the node where their sign-in changed. A stale stamp or a disabled
/// person ends the session; otherwise the session is issued again with the roles they have now.
/// </summary>
public sealed class StaffSessionValidator(
    IOptions<SecurityStampValidatorOptions> options, SignInManager<StaffUser> signInManager, ILoggerFactory logger, SessionChanges changes)
    : SecurityStampValidator<StaffUser>(options, signInManager, logger)
{
    public override Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var userId = context.Principal is { } principal ? SignInManager.UserManager.GetUserId(principal) : null;
        if (userId is not null && changes.IssuedBeforeChange(userId, context.Properties.IssuedUtc))
        {
            // Without an issue time the base validator checks now rather than after the interval.
            context.Properties.IssuedUtc = null;
        }

        return base.ValidateAsync(context);
    }

    protected override async Task<StaffUser?> VerifySecurityStamp(ClaimsPrincipal? principal)
    {
        var user = await base.VerifySecurityStamp(principal);
        return user is { IsDisabled: true } ? null : user;
    }
}
