using System.Net.Mail;

namespace Ventanilla.Subscribers;

public static class EmailAddresses
{
    /// <summary>The bare address in lower case, or null when it is not one address.</summary>
    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 254)
        {
            return null;
        }

        var trimmed = raw.Trim();
        // MailAddress also accepts "Name <a@b>" and bare hosts; we want exactly one plain address.
        if (!MailAddress.TryCreate(trimmed, out var address) || address.Address != trimmed
            || !address.Host.Contains('.', StringComparison.Ordinal) || address.Host.EndsWith('.'))
        {
            return null;
        }

        return trimmed.ToLowerInvariant();
    }
}
