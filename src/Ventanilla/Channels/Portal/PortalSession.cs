using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Ventanilla.Channels.Portal;

/// <summary>How much of an opened folio a browser may see.</summary>
public enum PortalAccess
{
    /// <summary>Proved with a phone or email, which others may know: status, kind and dates only.</summary>
    Status,

    /// <summary>Proved with a one-time code (or by filing the folio here): the whole folio and its actions.</summary>
    Full,
}

/// <summary>The folio a browser opened, and how far.</summary>
public sealed record OpenedFolio(long TicketId, PortalAccess Access)
{
    public bool IsFull => Access == PortalAccess.Full;
}

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

    private const string FullMark = ":full";

    public void Open(HttpContext http, long ticketId, PortalAccess access)
    {
        var lifetime = TimeSpan.FromMinutes(options.Value.SessionMinutes);
        var expires = (clock.GetUtcNow() + lifetime).ToUnixTimeMilliseconds();
        var mark = access == PortalAccess.Full ? FullMark : "";
        var value = protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{ticketId}{mark}|{expires}"));
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
    public long? Current(HttpContext http) => Opened(http)?.TicketId;

    /// <summary>The ticket this browser opened and how far, or null when it opened none or the time ran out.</summary>
    public OpenedFolio? Opened(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }

        try
        {
            var parts = protector.Unprotect(value).Split('|');
            if (parts.Length != 2
                || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
                || expires <= clock.GetUtcNow().ToUnixTimeMilliseconds())
            {
                return null;
            }

            // A cookie without the mark opens the status only.
            var full = parts[0].EndsWith(FullMark, StringComparison.Ordinal);
            var idText = full ? parts[0][..^FullMark.Length] : parts[0];
            return long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? new OpenedFolio(id, full ? PortalAccess.Full : PortalAccess.Status)
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    public static void Close(HttpContext http) => http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/portal" });
}
