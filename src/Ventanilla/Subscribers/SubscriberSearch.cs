using Ventanilla.Web;

namespace Ventanilla.Subscribers;

/// <summary>What the search box means, shared by the API and the console so both find the same people.</summary>
public static class SubscriberSearch
{
    /// <summary>
    /// Subscribers whose contract number, phone or email is the query, or whose name contains it,
    /// accents aside. Records merged into another are left out: the survivor stands for them.
    /// </summary>
    public static IQueryable<Subscriber> Matching(IQueryable<Subscriber> subscribers, string? q)
    {
        subscribers = subscribers.Where(s => s.MergedIntoId == null);
        if (Text.Clean(Text.Readable(q)) is not { } query)
        {
            return subscribers;
        }

        var account = query.ToUpperInvariant();
        var phone = MexicanPhones.Normalize(query);
        var email = EmailAddresses.Normalize(query);
        var name = Text.Fold(query);
        return subscribers.Where(s => s.AccountNumber == account
            || (phone != null && s.Phones.Any(p => p.Number == phone))
            || (email != null && s.Emails.Any(e => e.Address == email))
            || s.SearchName.Contains(name));
    }
}
