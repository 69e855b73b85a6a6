using System.Globalization;
using System.Text;
using Ventanilla.Subscribers.Services;

namespace Ventanilla.Network.Outages;

/// <summary>
/// Which of a subscriber's contracted services a report is about. One active service is the
/// answer; with several, the one whose street or postal code the report's address names, when
/// exactly one does. Anything less certain is left for staff to choose on the ticket page: a wrong
/// guess would link a report to an outage that is not the subscriber's.
/// </summary>
public static class ServiceResolver
{
    public static Service? Resolve(IEnumerable<Service> services, string? serviceAddress)
    {
        var active = services.Where(s => s.State == ServiceState.Active).ToList();
        if (active.Count <= 1)
        {
            return active.SingleOrDefault();
        }

        var address = Simplify(serviceAddress);
        if (address.Length == 0)
        {
            return null;
        }

        var byStreet = active.Where(s => Simplify(s.Street) is { Length: > 0 } street && address.Contains(street, StringComparison.Ordinal)).ToList();
        if (byStreet.Count == 1)
        {
            return byStreet[0];
        }

        // Among the street matches when there are several (two services on one avenue), else among all.
        var pool = byStreet.Count > 1 ? byStreet : active;
        var words = address.Split(' ');
        var byPostalCode = pool.Where(s => s.PostalCode?.Trim() is { Length: > 0 } cp && words.Contains(cp)).ToList();
        return byPostalCode.Count == 1 ? byPostalCode[0] : null;
    }

    /// <summary>Lower case, no accents, punctuation as spaces: "Av. Hidalgo 120, C.P. 98000" reads "av hidalgo 120 c p 98000".</summary>
    internal static string Simplify(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var plain = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                plain.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
            }
        }

        return string.Join(' ', plain.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
