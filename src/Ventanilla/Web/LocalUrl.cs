namespace Ventanilla.Web;

public static class LocalUrl
{
    /// <summary>A return address only if it stays on this site, so a link cannot send staff elsewhere.</summary>
    public static string OrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
            && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
