using System.Globalization;
using Ventanilla.Web;

namespace Ventanilla.Subscribers.Pages;

/// <summary>The edit form's fields as a person types them: lists one per line, the price as text.</summary>
public sealed class SubscriberForm
{
    private static readonly CultureInfo Mexico = CultureInfo.GetCultureInfo("es-MX");

    public int Version { get; set; }
    public string? Name { get; set; }
    public string? AccountNumber { get; set; }
    public string? Phones { get; set; }
    public string? Emails { get; set; }
    public string? PlanName { get; set; }
    public string? MonthlyPrice { get; set; }
    public string? AccessibilityNeeds { get; set; }

    public static SubscriberForm From(Subscriber s) => new()
    {
        Version = s.Version,
        Name = s.FullName,
        AccountNumber = s.AccountNumber,
        Phones = string.Join('\n', s.Phones.Select(p => MexicanPhones.Display(p.Number))),
        Emails = string.Join('\n', s.Emails.Select(e => e.Address)),
        PlanName = s.PlanName,
        MonthlyPrice = s.MonthlyPriceMxn?.ToString("0.00", CultureInfo.InvariantCulture),
        AccessibilityNeeds = s.AccessibilityNeeds,
    };

    /// <summary>
    /// The request the API would receive. What the form does not show (WhatsApp ids, addresses,
    /// consents) is taken from the stored record, so saving the form never drops it.
    /// </summary>
    public SubscriberRequest ToRequest(Subscriber current, FieldErrors errors) => new(
        AccountNumber, Name, Lines(Phones), Lines(Emails),
        [.. current.WhatsAppIdentities.Select(w => new WhatsAppIdentityRequest(w.WaId, w.BusinessScopedUserId))],
        [.. current.Addresses.Select(a => new AddressRequest(a.Street, a.Neighborhood, a.Municipality, a.State, a.PostalCode, a.References))],
        PlanName, Price(errors), AccessibilityNeeds,
        new ConsentRequest(current.PrivacyNoticeAcceptedAt is not null, current.MarketingConsent));

    private decimal? Price(FieldErrors errors)
    {
        if (Text.Clean(MonthlyPrice) is not { } text)
        {
            return null;
        }

        const NumberStyles Styles = NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands
            | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;
        if (decimal.TryParse(text.TrimStart('$').Replace("MXN", "", StringComparison.OrdinalIgnoreCase), Styles, Mexico, out var price))
        {
            return price;
        }

        errors.Add("monthlyPrice", "Escribe el precio con números, por ejemplo 399.00.");
        return null;
    }

    private static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}
