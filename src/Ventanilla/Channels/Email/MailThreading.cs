using MimeKit;

namespace Ventanilla.Channels.Email;

/// <summary>Which earlier messages a reply points at, to find the ticket it belongs to.</summary>
public static class MailThreading
{
    /// <summary>
    /// In-Reply-To first, then References from the newest to the oldest, without angle brackets and
    /// without repeats: the nearest ancestor is the likeliest to be one we stored or sent.
    /// </summary>
    public static IReadOnlyList<string> CandidateIds(MimeMessage message)
    {
        var ids = new List<string>();
        Add(ids, message.InReplyTo ?? message.Headers[HeaderId.InReplyTo]);
        for (var i = message.References.Count - 1; i >= 0; i--)
        {
            Add(ids, message.References[i]);
        }

        return ids;
    }

    /// <summary>A Message-ID as stored: trimmed, without angle brackets; null when empty.</summary>
    public static string? Normalize(string? messageId)
    {
        var id = messageId?.Trim().TrimStart('<').TrimEnd('>').Trim();
        return string.IsNullOrEmpty(id) ? null : id;
    }

    private static void Add(List<string> ids, string? candidate)
    {
        if (Normalize(candidate) is { } id && !ids.Contains(id, StringComparer.Ordinal))
        {
            ids.Add(id);
        }
    }
}
