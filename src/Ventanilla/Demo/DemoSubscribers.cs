using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Subscribers;
using Ventanilla.Web;

namespace Ventanilla.Demo;

/// <summary>About forty subscribers, two thirds in Zacatecas and the rest around Guadalajara.</summary>
internal static class DemoSubscribers
{
    public const int Count = 40;

    // A reserved top-level domain: nothing written to these people can ever reach a real mailbox.
    private const string MailDomain = "correo.example";

    public static async Task<IReadOnlyList<Subscriber>> CreateAsync(VentanillaDbContext db, Random random, DateTime now)
    {
        var subscribers = new List<Subscriber>(Count);
        var contract = 10_200;
        for (var i = 0; i < Count; i++)
        {
            var city = i % 3 == 2 ? DemoPlaces.Guadalajara : DemoPlaces.Zacatecas;
            contract += random.Next(3, 60);
            var details = Details(city, contract + (city == DemoPlaces.Guadalajara ? 10_000 : 0), random);
            var since = now.AddDays(-random.Next(90, 1_500));
            subscribers.Add(Subscriber.Create(details, since));
        }

        var accounts = subscribers.Select(s => s.AccountNumber).ToArray();
        var existing = await db.Subscribers.Where(s => accounts.Contains(s.AccountNumber)).AsSplitQuery().ToDictionaryAsync(s => s.AccountNumber!);
        var result = subscribers.Select(s => existing.GetValueOrDefault(s.AccountNumber!) ?? s).ToList();
        db.Subscribers.AddRange(result.Where(s => s.Id == 0));
        await db.SaveChangesAsync();
        return result;
    }

    private static SubscriberDetails Details(DemoCity city, int contract, Random random)
    {
        var first = Pick(DemoPlaces.FirstNames, random);
        var surname = Pick(DemoPlaces.Surnames, random);
        var name = $"{first} {surname} {Pick(DemoPlaces.Surnames, random)}";
        var phone = Phone(city, random);
        var colonia = Pick(city.Colonias, random);
        var number = random.Next(12, 1_900).ToString(CultureInfo.InvariantCulture);
        var address = new ServiceAddress($"{Pick(colonia.Streets, random)} {number}", colonia.Name, colonia.Municipality,
            city.State, colonia.PostalCode, random.Next(3) == 0 ? Pick(DemoPlaces.References, random) : null);
        var plan = DemoPlaces.Plans[random.Next(10) switch { < 3 => 0, < 8 => 1, _ => 2 }];
        var email = Email(first, surname, random);
        var emails = random.Next(5) == 0 ? Array.Empty<string>() : [email];
        // WhatsApp ids of Mexican mobiles carry the old "1" after the country code.
        IReadOnlyList<WhatsAppIdentity> whatsApp = random.Next(4) == 0 ? [] : [new WhatsAppIdentity("521" + phone[3..], null)];
        return new SubscriberDetails(string.Create(CultureInfo.InvariantCulture, $"NM-{city.Code}-{contract}"), name, [phone], emails, whatsApp,
            [address], plan.Name, plan.PriceMxn, random.Next(15) == 0 ? "Persona adulta mayor: prefiere llamada a mensajes." : null,
            PrivacyNoticeAccepted: true, MarketingConsent: random.Next(3) == 0);
    }

    public static string Email(string firstName, string surname, Random random)
    {
        var user = Text.Fold(firstName.Split(' ')[0]) + "." + Text.Fold(surname).Replace(" ", "", StringComparison.Ordinal);
        return string.Create(CultureInfo.InvariantCulture, $"{user}{random.Next(10, 99)}@{MailDomain}");
    }

    public static string Phone(DemoCity city, Random random)
    {
        while (true)
        {
            var local = string.Concat(Enumerable.Range(0, city.LocalDigits).Select(i => i == 0 ? random.Next(1, 10) : random.Next(10)));
            if (MexicanPhones.Normalize(city.AreaCode + local) is { } e164)
            {
                return e164;
            }
        }
    }

    public static T Pick<T>(IReadOnlyList<T> items, Random random) => items[random.Next(items.Count)];
}
