using PhoneNumbers;

namespace Ventanilla.Subscribers;

/// <summary>Phones as agents type them, normalized to E.164 with Mexico as the default region.</summary>
public static class MexicanPhones
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The E.164 form (<c>+524921234567</c>), or null when it is not a valid number.</summary>
    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw) || raw.Length > 40)
        {
            return null;
        }

        try
        {
            var number = Util.Parse(WithoutMobilePrefix(raw), "MX");
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    // Until 2019 Mexican mobiles were dialled as +52 1 and ten digits; people (and WhatsApp ids)
    // still write that 1, which today's numbering plan no longer has.
    private static string WithoutMobilePrefix(string raw)
    {
        var digits = new string(raw.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 13 && digits.StartsWith("521", StringComparison.Ordinal)
            && raw.TrimStart().StartsWith('+') ? "+52" + digits[3..] : raw;
    }

    /// <summary>A stored number as people read it: national digits for Mexico, international otherwise.</summary>
    public static string Display(string e164)
    {
        try
        {
            var number = Util.Parse(e164, "MX");
            return Util.Format(number, number.CountryCode == 52 ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }

    /// <summary>The ways a person may type this number into a search box.</summary>
    public static IEnumerable<string> SearchForms(string? e164)
    {
        if (string.IsNullOrEmpty(e164))
        {
            yield break;
        }

        yield return e164;
        var digits = e164.TrimStart('+');
        yield return digits;
        if (digits.StartsWith("52", StringComparison.Ordinal) && digits.Length == 12)
        {
            yield return digits[2..];
        }
    }
}
