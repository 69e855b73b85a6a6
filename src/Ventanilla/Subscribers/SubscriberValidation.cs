using System.Globalization;
using Ventanilla.Web;

namespace Ventanilla.Subscribers;

public static class SubscriberValidation
{
    private const int MaxEach = 10;

    // JSON binding lets a null through as an item of a list; it is a client's mistake, not ours.
    private const string EmptyItem = "El elemento está vacío (null); quítalo o complétalo.";

    public static SubscriberDetails? Check(SubscriberRequest request, FieldErrors errors)
    {
        var account = errors.Text("accountNumber", request.AccountNumber, 40)?.ToUpperInvariant();
        var name = errors.Text("name", request.Name, 200, required: true);
        var phones = List(request.Phones, "phones", errors, (raw, field) =>
            MexicanPhones.Normalize(raw) ?? Fail(errors, field, $"«{raw}» no es un teléfono válido."));
        var emails = List(request.Emails, "emails", errors, (raw, field) =>
            EmailAddresses.Normalize(raw) ?? Fail(errors, field, $"«{raw}» no es un correo electrónico válido."));
        var whatsApp = new List<WhatsAppIdentity>();
        foreach (var (identity, i) in (request.WhatsApp ?? []).Select((w, i) => (w, i)))
        {
            var field = Field("whatsApp", i);
            if (identity is null)
            {
                errors.Add(field, EmptyItem);
                continue;
            }

            var waId = errors.Text(field + ".waId", identity.WaId, 32);
            var userId = errors.Text(field + ".userId", identity.UserId, 128);
            if (waId is not null && !waId.All(char.IsAsciiDigit))
            {
                errors.Add(field + ".waId", "El wa_id lleva solo dígitos.");
            }

            if (waId is null && userId is null)
            {
                errors.Add(field, "Indica el wa_id o el identificador de usuario.");
            }

            whatsApp.Add(new WhatsAppIdentity(waId, userId));
        }

        var addresses = new List<ServiceAddress>();
        foreach (var (a, i) in (request.Addresses ?? []).Select((a, i) => (a, i)))
        {
            var field = Field("addresses", i);
            if (a is null)
            {
                errors.Add(field, EmptyItem);
                continue;
            }

            var street = errors.Text(field + ".street", a.Street, 300, required: true);
            addresses.Add(new ServiceAddress(street ?? "",
                errors.Text(field + ".neighborhood", a.Neighborhood, 150),
                errors.Text(field + ".municipality", a.Municipality, 150),
                errors.Text(field + ".state", a.State, 100),
                errors.Text(field + ".postalCode", a.PostalCode, 10),
                errors.Text(field + ".references", a.References, 500)));
        }

        if (request.MonthlyPrice is < 0 or > 1_000_000)
        {
            errors.Add("monthlyPrice", "El precio mensual va de 0 a 1,000,000 pesos.");
        }

        var plan = errors.Text("planName", request.PlanName, 100);
        var accessibility = errors.Text("accessibilityNeeds", request.AccessibilityNeeds, 1000);
        if (errors.Any || name is null)
        {
            return null;
        }

        return new SubscriberDetails(account, name, phones, emails, whatsApp, addresses, plan,
            request.MonthlyPrice is { } price ? decimal.Round(price, 2) : null, accessibility,
            request.Consent?.PrivacyNotice ?? false, request.Consent?.Marketing ?? false);
    }

    private static List<string> List(List<string>? raw, string name, FieldErrors errors, Func<string, string, string?> normalize)
    {
        if (raw is { Count: > MaxEach })
        {
            errors.Add(name, $"Admite como máximo {MaxEach} elementos.");
            return [];
        }

        return [.. (raw ?? []).Select((value, i) => normalize(value ?? "", Field(name, i))).OfType<string>()];
    }

    private static string? Fail(FieldErrors errors, string field, string message)
    {
        errors.Add(field, message);
        return null;
    }

    private static string Field(string name, int index) => string.Create(CultureInfo.InvariantCulture, $"{name}[{index}]");
}
