namespace Ventanilla.Web;

public static class LocalUrl
{
    /// <summary>Longer return addresses are not ones the console writes; they go home instead.</summary>
    public const int MaxLength = 2048;

    /// <summary>
    /// A return address only if it stays on this site and can be written in a Location header, so a
    /// link cannot send staff elsewhere nor break the answer; anything else is home.
    /// </summary>
    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.Length <= MaxLength && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(c => char.IsControl(c) || c == '\\' || char.IsWhiteSpace(c) || !char.IsAscii(c))
        && WellEscaped(url) && Uri.TryCreate(url, UriKind.Relative, out _);

    private static bool WellEscaped(string url)
    {
        for (var i = url.IndexOf('%', StringComparison.Ordinal); i >= 0; i = url.IndexOf('%', i + 1))
        {
            if (i + 2 >= url.Length || !char.IsAsciiHexDigit(url[i + 1]) || !char.IsAsciiHexDigit(url[i + 2]))
            {
                return false;
            }
        }

        return true;
    }
}
