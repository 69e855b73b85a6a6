using System.Security.Cryptography;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>A medium as downloaded, with the SHA-256 we computed and whether it matches the one Meta announced.</summary>
internal sealed record FetchedMedia(byte[] Content, string Sha256, string ContentType, bool HashMatches);

/// <summary>Media id → short-lived URL → download with the bearer token, then the hash check.</summary>
internal sealed class MediaFetcher(GraphApi graph, WhatsAppDirectory directory, Attachments.AttachmentPolicy policy)
{
    /// <summary>The medium, or null when it is larger than attachments may be (it is then not downloaded whole).</summary>
    public async Task<FetchedMedia?> FetchAsync(MessageContent content, CancellationToken ct)
    {
        var maxBytes = policy.MaxBytes;
        var account = directory.Current;
        var info = await graph.MediaAsync(account, content.MediaId!, ct);
        using var response = await graph.DownloadAsync(account, info.Url, ct);
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            return null;
        }

        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        var bytes = buffer.ToArray();
        var hash = SHA256.HashData(bytes);
        var announced = content.Sha256 ?? info.Sha256;
        var type = info.MimeType ?? content.MimeType ?? response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";
        return new FetchedMedia(bytes, Convert.ToHexStringLower(hash), type.Split(';')[0].Trim(), announced is null || Matches(announced, hash));
    }

    // Meta writes the hash in hex in some places and in base64 in others; either form is accepted.
    private static bool Matches(string announced, byte[] hash) =>
        string.Equals(announced, Convert.ToHexStringLower(hash), StringComparison.OrdinalIgnoreCase)
        || string.Equals(announced, Convert.ToBase64String(hash), StringComparison.Ordinal);
}
