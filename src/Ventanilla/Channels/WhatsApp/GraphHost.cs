using System.Net;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>
/// Where the access token may go. It travels in every call to the Graph API address, so it only
/// follows that address when an administrator types it again, and never in clear over a network.
/// (The app secret stays here: it only checks the webhook's signatures.)
/// </summary>
public static class GraphHost
{
    public const string PlainHttp = "Usa https: una dirección http solo se admite en este mismo equipo (localhost, 127.0.0.1 o ::1).";
    public const string TokenAgain = "Escribe de nuevo el token de acceso: cambiaste la dirección de la Graph API.";

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    /// <summary>True when <paramref name="posted"/> is another scheme, host or port than the saved address.</summary>
    public static bool Moved(string saved, Uri posted) =>
        !Uri.TryCreate(saved, UriKind.Absolute, out var before)
        || before.Scheme != posted.Scheme
        || !string.Equals(before.IdnHost, posted.IdnHost, StringComparison.OrdinalIgnoreCase)
        || before.Port != posted.Port;
}
