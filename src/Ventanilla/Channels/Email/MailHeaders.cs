namespace Ventanilla.Channels.Email;

internal static class MailHeaders
{
    /// <summary>The first token of a structured header value, lower case, without parameters or comments.</summary>
    public static string? Token(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var end = value.IndexOfAny([';', '(']);
        return (end >= 0 ? value[..end] : value).Trim().ToLowerInvariant();
    }

    /// <summary>The local part of an address, lower case.</summary>
    public static string? LocalPart(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        var at = address.LastIndexOf('@');
        return (at >= 0 ? address[..at] : address).Trim().Trim('<', '>').ToLowerInvariant();
    }
}
