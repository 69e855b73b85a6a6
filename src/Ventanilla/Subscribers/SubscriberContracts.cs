namespace Ventanilla.Subscribers;

public sealed record SubscriberRequest(
    string? AccountNumber,
    string? Name,
    List<string>? Phones = null,
    List<string>? Emails = null,
    List<WhatsAppIdentityRequest>? WhatsApp = null,
    List<AddressRequest>? Addresses = null,
    string? PlanName = null,
    decimal? MonthlyPrice = null,
    string? AccessibilityNeeds = null,
    ConsentRequest? Consent = null);

public sealed record WhatsAppIdentityRequest(string? WaId, string? UserId);

public sealed record AddressRequest(
    string? Street, string? Neighborhood = null, string? Municipality = null, string? State = null,
    string? PostalCode = null, string? References = null);

public sealed record ConsentRequest(bool PrivacyNotice, bool Marketing);

public sealed record SubscriberResponse(
    long Id,
    string? AccountNumber,
    string Name,
    IReadOnlyList<string> Phones,
    IReadOnlyList<string> Emails,
    IReadOnlyList<WhatsAppIdentity> WhatsApp,
    IReadOnlyList<ServiceAddress> Addresses,
    string? PlanName,
    decimal? MonthlyPrice,
    string? AccessibilityNeeds,
    DateTime? PrivacyNoticeAcceptedAt,
    bool MarketingConsent,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    int Version)
{
    public static SubscriberResponse From(Subscriber s) => new(
        s.Id, s.AccountNumber, s.FullName,
        s.Phones.Select(p => p.Number).ToArray(), s.Emails.Select(e => e.Address).ToArray(),
        s.WhatsAppIdentities, s.Addresses, s.PlanName, s.MonthlyPriceMxn, s.AccessibilityNeeds,
        s.PrivacyNoticeAcceptedAt, s.MarketingConsent, s.CreatedAt, s.UpdatedAt, s.Version);
}

public sealed record SubscriberPage(IReadOnlyList<SubscriberResponse> Items, int Page, int PageSize, bool HasMore);
