using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Ventanilla.Portal;

/// <summary>
/// The folio a browser has proved it owns, kept in a short-lived cookie that only this service can
/// read or forge (Data Protection, keys shared by every node). It opens that one folio and nothing
/// else: subscribers have no account.
/// </summary>
public sealed class PortalSession(IDataProtectionProvider protection, IOptions<PortalOptions> options, TimeProvider clock)
{
    public const string CookieName = "ventanilla-folio";

    // The expiry travels inside the protected value and is checked against the service's clock: a
    // time-limited protector would check it against the machine's, a second clock that can disagree.
    private readonly IDataProtector protector = protection.CreateProtector("Ventanilla.Portal.OpenedFolio.v2");

    public void Open(HttpContext http, long ticketId)
    {
        var lifetime = TimeSpan.FromMinutes(options.Value.SessionMinutes);
        var expires = (clock.GetUtcNow() + lifetime).ToUnixTimeMilliseconds();
        var value = protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{ticketId}|{expires}"));
        http.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            Path = "/portal",
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            MaxAge = lifetime,
            IsEssential = true,
        });
    }

    /// <summary>The ticket this browser opened, or null when it opened none or the time ran out.</summary>
    public long? Current(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var parts = protector.Unprotect(value).Split('|');
            return parts.Length == 2
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
                && expires > clock.GetUtcNow().ToUnixTimeMilliseconds()
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public static void Close(HttpContext http) => http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/portal" });
}
