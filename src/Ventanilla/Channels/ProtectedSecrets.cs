using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Ventanilla.Channels;

/// <summary>Reading back the channels' stored passwords and tokens.</summary>
public static class ProtectedSecrets
{
    // A secret protected under keys this node cannot read (a database restored without its keys)
    // reads as empty: the channel then fails to sign in or refuses what it cannot check, and shows
    // why, instead of stopping the host at startup.
    public static string UnprotectOrEmpty(this IDataProtector protector, string protectedSecret)
    {
        try
        {
            return protector.Unprotect(protectedSecret);
        }
        catch (CryptographicException)
        {
            return "";
        }
    }
}
