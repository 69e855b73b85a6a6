using Ventanilla.Web;

namespace Ventanilla.Subscribers;

/// <summary>One customer, the same person on the phone, by email, on WhatsApp and on the web.</summary>
public sealed partial class Subscriber
{
    private Subscriber()
    {
    }

    public long Id { get; private set; }

    /// <summary>The contract (account) number: the strongest identity a subscriber has.</summary>
    public string? AccountNumber { get; private set; }
    public string FullName { get; private set; } = "";

    /// <summary>The name folded for search: lower case, no accents.</summary>
    public string SearchName { get; private set; } = "";
    public List<SubscriberPhone> Phones { get; private set; } = [];
    public List<SubscriberEmail> Emails { get; private set; } = [];
    public List<WhatsAppIdentity> WhatsAppIdentities { get; private set; } = [];
    public List<ServiceAddress> Addresses { get; private set; } = [];
    public string? PlanName { get; private set; }
    public decimal? MonthlyPriceMxn { get; private set; }
    public string? AccessibilityNeeds { get; private set; }
    public DateTime? PrivacyNoticeAcceptedAt { get; private set; }
    public bool MarketingConsent { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>Set when this record was merged into another: it is kept, but no longer used.</summary>
    public long? MergedIntoId { get; private set; }
    public DateTime? MergedAt { get; private set; }

    public static Subscriber Create(SubscriberDetails details, DateTime now)
    {
        var subscriber = new Subscriber { CreatedAt = now, Version = 0 };
        subscriber.Update(details, now);
        return subscriber;
    }

    public void Update(SubscriberDetails details, DateTime now)
    {
        AccountNumber = details.AccountNumber;
        FullName = details.FullName;
        SearchName = Text.Fold(details.FullName);
        Phones = [.. details.Phones.Distinct().Select(p => new SubscriberPhone(p))];
        // An address kept through an edit keeps its bounce mark: only a new address starts clean.
        Emails = [.. details.Emails.Distinct(StringComparer.Ordinal)
            .Select(e => Emails.FirstOrDefault(known => known.Address == e) ?? new SubscriberEmail(e))];
        WhatsAppIdentities = [.. details.WhatsAppIdentities];
        Addresses = [.. details.Addresses];
        PlanName = details.PlanName;
        MonthlyPriceMxn = details.MonthlyPriceMxn;
        AccessibilityNeeds = details.AccessibilityNeeds;
        if (details.PrivacyNoticeAccepted && PrivacyNoticeAcceptedAt is null)
        {
            PrivacyNoticeAcceptedAt = now;
        }

        MarketingConsent = details.MarketingConsent;
        UpdatedAt = now;
        Version++;
    }

    /// <summary>A bounce said mail to this address does not arrive; false when the address is not this subscriber's.</summary>
    public bool MarkEmailFailing(string address, DateTime now)
    {
        var entry = Emails.FirstOrDefault(e => string.Equals(e.Address, address, StringComparison.OrdinalIgnoreCase));
        entry?.MarkFailing(now);
        return entry is not null;
    }

    public IEnumerable<string> SearchTerms()
    {
        yield return FullName;
        if (AccountNumber is not null)
        {
            yield return AccountNumber;
        }

        foreach (var form in Phones.SelectMany(p => MexicanPhones.SearchForms(p.Number)))
        {
            yield return form;
        }

        foreach (var email in Emails)
        {
            yield return email.Address;
        }
    }
}

public sealed record SubscriberPhone(string Number);

public sealed record SubscriberEmail(string Address)
{
    /// <summary>When mail to this address first bounced; automatic mail stops going to it.</summary>
    public DateTime? FailingSince { get; private set; }

    internal void MarkFailing(DateTime now) => FailingSince ??= now;

    /// <summary>A separate entry for another subscriber (a merge), bounce mark included.</summary>
    internal SubscriberEmail Copy() => new(Address) { FailingSince = FailingSince };
}

/// <summary>
/// A WhatsApp sender. The <c>wa_id</c> is not a phone number (Mexican ids carry an extra 1), and
/// the business-scoped user id may come with no phone at all, so both are kept apart from phones.
/// </summary>
public sealed record WhatsAppIdentity(string? WaId, string? BusinessScopedUserId);

public sealed record ServiceAddress(
    string Street,
    string? Neighborhood,
    string? Municipality,
    string? State,
    string? PostalCode,
    string? References);

/// <summary>A subscriber's data as validated from a request.</summary>
public sealed record SubscriberDetails(
    string? AccountNumber,
    string FullName,
    IReadOnlyList<string> Phones,
    IReadOnlyList<string> Emails,
    IReadOnlyList<WhatsAppIdentity> WhatsAppIdentities,
    IReadOnlyList<ServiceAddress> Addresses,
    string? PlanName,
    decimal? MonthlyPriceMxn,
    string? AccessibilityNeeds,
    bool PrivacyNoticeAccepted,
    bool MarketingConsent);
