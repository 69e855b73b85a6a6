using Ventanilla.Subscribers;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>
/// Who wrote, as the webhook says it: the WhatsApp id and the business-scoped user id as given,
/// and the phone in E.164 worked out from the WhatsApp id. Any of them may be missing: a user who
/// has a username may come with the user id alone.
/// </summary>
public sealed record WhatsAppUser(string? WaId, string? UserId, string? Phone, string? Name)
{
    public static WhatsAppUser From(string? waId, string? userId, string? name)
    {
        // Meta's wa_id is digits and its user id a short token: anything else is no id we can store or answer.
        var wa = Clean(waId) is { Length: <= 32 } digits && digits.All(char.IsAsciiDigit) ? digits : null;
        var user = Clean(userId) is { Length: <= 160 } token ? token : null;
        return new(wa, user, WhatsAppIds.PhoneOf(wa), Web.Text.Shortened(Clean(name), 200)); // a profile name is stored in 200 characters
    }

    private static string? Clean(string? value) => Web.Text.Clean(Web.Text.Readable(value));
}

public static class WhatsAppIds
{
    /// <summary>
    /// The E.164 phone behind a WhatsApp id. Mexican mobiles arrive as <c>521</c> and ten digits (the
    /// mobile prefix the numbering plan dropped in 2019); the number itself is <c>+52</c> and the ten.
    /// </summary>
    public static string? PhoneOf(string? waId)
    {
        if (string.IsNullOrWhiteSpace(waId) || !waId.All(char.IsAsciiDigit))
        {
            return null;
        }

        var digits = waId.Length == 13 && waId.StartsWith("521", StringComparison.Ordinal) ? "52" + waId[3..] : waId;
        return MexicanPhones.Normalize("+" + digits);
    }

    /// <summary>What the Cloud API takes in <c>to</c> for a stored phone: its digits, without the plus.</summary>
    // The API accepts the E.164 digits and maps them to the user's WhatsApp id itself; the 521 form
    // is what it reports back in wa_id, not what it needs.
    public static string ToAddress(string e164) => e164.TrimStart('+');

    /// <summary>A stored recipient is a phone when it is written in E.164; anything else is a business-scoped user id.</summary>
    public static bool IsPhone(string recipient) => recipient.StartsWith('+');
}
