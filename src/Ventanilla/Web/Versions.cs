using System.Globalization;

namespace Ventanilla.Web;

/// <summary>
/// Optimistic concurrency over HTTP: responses carry the record's version as an ETag, and a change
/// sent with <c>If-Match</c> for an older version is refused instead of overwriting someone else's.
/// </summary>
public static class Versions
{
    public static string ETag(int version) => string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");

    public static bool IsStale(HttpRequest request, int currentVersion)
    {
        var ifMatch = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(ifMatch) || ifMatch.Trim() == "*")
        {
            return false;
        }

        foreach (var tag in ifMatch.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var value = tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
            if (int.TryParse(value.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version == currentVersion)
            {
                return false;
            }
        }

        return true;
    }
}
