using System.Security.Cryptography;
using System.Text;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>Meta's proof that a post comes from it: <c>sha256=</c> and the hex HMAC-SHA256 of the raw body, keyed with the app secret.</summary>
public static class WebhookSignature
{
    private const string Prefix = "sha256=";

    public static bool IsValid(string? header, ReadOnlySpan<byte> body, string? appSecret)
    {
        if (string.IsNullOrEmpty(appSecret) || header is null || header.Length != Prefix.Length + 64
            || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        Span<byte> claimed = stackalloc byte[32];
        if (Convert.FromHexString(header.AsSpan(Prefix.Length), claimed, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body, actual);
        // Constant time, so the time taken tells an attacker nothing about how much of a forgery was right.
        return CryptographicOperations.FixedTimeEquals(claimed, actual);
    }

    /// <summary>The header value Meta would send for <paramref name="body"/>.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string appSecret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));
}
