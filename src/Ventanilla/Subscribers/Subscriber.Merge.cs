namespace Ventanilla.Subscribers;

public sealed partial class Subscriber
{
    /// <summary>
    /// Takes in a duplicate record of the same person: its ways of reaching them and its service
    /// addresses move here, and it is kept, marked as merged, so that old links still lead here.
    /// Its tickets are moved by the caller, which loads them. Returns why not, or null when done.
    /// </summary>
    public string? MergeFrom(Subscriber other, DateTime now)
    {
        if (other.Id == Id)
        {
            return "Un registro no se puede fusionar consigo mismo.";
        }

        if (MergedIntoId is not null || other.MergedIntoId is not null)
        {
            return "Uno de los dos registros ya fue fusionado con otro; abre el registro que quedó.";
        }

        Phones.AddRange(other.Phones.Where(p => !Phones.Contains(p)).Select(p => new SubscriberPhone(p.Number)));
        Emails.AddRange(other.Emails.Where(e => !Emails.Any(own => own.Address == e.Address)).Select(e => e.Copy()));
        WhatsAppIdentities.AddRange(other.WhatsAppIdentities.Where(w => !WhatsAppIdentities.Contains(w))
            .Select(w => new WhatsAppIdentity(w.WaId, w.BusinessScopedUserId)));
        Addresses.AddRange(other.Addresses.Where(a => !Addresses.Contains(a)).Select(a => a with { }));
        // The record that stays is the one staff chose; a contract number only fills a gap.
        if (AccountNumber is null && other.AccountNumber is not null)
        {
            AccountNumber = other.AccountNumber;
            other.AccountNumber = null;
        }

        UpdatedAt = now;
        Version++;

        // The merged record no longer answers to these contacts, so matching finds only this one.
        other.Phones.Clear();
        other.Emails.Clear();
        other.WhatsAppIdentities.Clear();
        other.Addresses.Clear();
        other.MergedIntoId = Id;
        other.MergedAt = now;
        other.UpdatedAt = now;
        other.Version++;
        return null;
    }
}
