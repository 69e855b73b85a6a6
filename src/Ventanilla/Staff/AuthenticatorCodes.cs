using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Ventanilla.Staff;

/// <summary>
/// Checks authenticator-app codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) against the
/// service's clock. Identity's own provider reads the machine's clock, a second clock that tests and
/// every other rule of the service do not share.
/// </summary>
public sealed class AuthenticatorCodes(TimeProvider clock) : IUserTwoFactorTokenProvider<StaffUser>
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    // Two steps either side, as Identity allows: a phone's clock a minute off still works.
    private const int Drift = 2;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<StaffUser> manager, StaffUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    // The code comes from the person's app, never from us.
    public Task<string> GenerateAsync(string purpose, UserManager<StaffUser> manager, StaffUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffUser> manager, StaffUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        token = token.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (string.IsNullOrEmpty(key) || token.Length != 6
            || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return false;
        }

        var secret = Base32(key);
        var step = clock.GetUtcNow().ToUnixTimeSeconds() / 30;
        for (var offset = -Drift; offset <= Drift; offset++)
        {
            if (Code(secret, step + offset) == code)
            {
                return true;
            }
        }

        return false;
    }

    private static int Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        // RFC 6238 and every authenticator app use HMAC-SHA1 for these codes.
#pragma warning disable CA5350
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var at = hash[^1] & 0x0F;
        var binary = ((hash[at] & 0x7F) << 24) | (hash[at + 1] << 16) | (hash[at + 2] << 8) | hash[at + 3];
        return binary % 1_000_000;
    }

    private static byte[] Base32(string text)
    {
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.ToUpperInvariant().Where(c => Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            buffer = (buffer << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }

        return [.. bytes];
    }
}
