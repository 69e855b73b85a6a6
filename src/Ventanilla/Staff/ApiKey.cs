using System.Security.Cryptography;
using System.Text;

namespace Ventanilla.Staff;

/// <summary>A key an integration sends as <c>Authorization: Bearer …</c>. Only its hash is kept.</summary>
public sealed class ApiKey
{
    private ApiKey()
    {
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>The first characters of the key, so an administrator can tell keys apart.</summary>
    public string Prefix { get; private set; } = "";
    public string Hash { get; private set; } = "";
    public string Role { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? RevokedAt { get; private set; }

    public static (ApiKey Key, string Secret) Generate(string name, string role, DateTime now)
    {
        var secret = "vnt_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        return (FromSecret(secret, name, role, now), secret);
    }

    public static ApiKey FromSecret(string secret, string name, string role, DateTime now) => new()
    {
        Name = name,
        Prefix = secret[..Math.Min(8, secret.Length)],
        Hash = HashOf(secret),
        Role = role,
        CreatedAt = now,
    };

    // Keys are long random strings, so a plain SHA-256 is enough: there is nothing to brute-force.
    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public void Revoke(DateTime now) => RevokedAt ??= now;
}
