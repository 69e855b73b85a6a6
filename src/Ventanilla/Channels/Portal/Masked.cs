namespace Ventanilla.Channels.Portal;

/// <summary>Contact details shown back only in part, enough to recognise them and no more.</summary>
public static class Masked
{
    public static string Email(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return at <= 1 ? address : address[0] + new string('•', Math.Min(at - 1, 6)) + address[at..];
    }

    public static string Phone(string number) =>
        number.Length <= 4 ? number : new string('•', 6) + number[^4..];
}
