using System.Globalization;
using Ventanilla.Data;
using Ventanilla.Network;
using Ventanilla.Subscribers;
using Ventanilla.Subscribers.Services;

namespace Ventanilla.Demo;

/// <summary>
/// The demo provider's network: a wireless site per municipality of Zacatecas with a sector per
/// colonia, and a fibre OLT in Guadalajara with a PON port per colonia; every demo subscriber's
/// service hangs from the node of its colonia, so outages and compensation have someone to reach.
/// </summary>
internal static class DemoNetwork
{
    public static async Task CreateAsync(VentanillaDbContext db, IReadOnlyList<Subscriber> subscribers, Random random, DateTime now)
    {
        var byColonia = new Dictionary<string, NetworkNode>(StringComparer.Ordinal);
        foreach (var city in new[] { DemoPlaces.Zacatecas, DemoPlaces.Guadalajara })
        {
            var fibre = city == DemoPlaces.Guadalajara;
            foreach (var municipality in city.Colonias.GroupBy(c => c.Municipality))
            {
                var root = await AddAsync(db, $"{city.Code}-{Code(municipality.Key)}", fibre ? $"OLT {municipality.Key}" : $"Torre {municipality.Key}",
                    fibre ? "OLT" : "sitio", null, null, null, now);
                foreach (var colonia in municipality)
                {
                    var node = await AddAsync(db, $"{root.Code}-{Code(colonia.Name)}", fibre ? $"Puerto PON {colonia.Name}" : $"Sector {colonia.Name}",
                        fibre ? "puerto PON" : "sector", root, colonia.PostalCode, colonia.Name, now);
                    byColonia[Key(colonia.Municipality, colonia.Name)] = node;
                }
            }
        }

        foreach (var subscriber in subscribers.Where(s => s.Addresses.Count > 0))
        {
            var address = subscriber.Addresses[0];
            var node = byColonia.GetValueOrDefault(Key(address.Municipality ?? "", address.Neighborhood ?? ""));
            var service = Service.Create("SRV-" + subscriber.AccountNumber, subscriber.CreatedAt);
            var state = random.Next(12) == 0 ? ServiceState.Suspended : ServiceState.Active;
            service.Apply(new ServiceDetails(subscriber.AccountNumber, state, subscriber.PlanName, subscriber.MonthlyPriceMxn,
                random.Next(1, 29), address.Street, address.Neighborhood, address.PostalCode), subscriber.Id, node?.Id, now);
            db.Services.Add(service);
        }

        await db.SaveChangesAsync();
    }

    private static async Task<NetworkNode> AddAsync(VentanillaDbContext db, string code, string name, string kind, NetworkNode? parent,
        string? postalCode, string? colonia, DateTime now)
    {
        var node = NetworkNode.Create(code, name, kind, now);
        node.Describe(name, kind, postalCode, colonia, now);
        db.NetworkNodes.Add(node);
        await db.SaveChangesAsync(); // the path is made of ids
        node.PlaceUnder(parent, now);
        await db.SaveChangesAsync();
        return node;
    }

    private static string Key(string municipality, string colonia) => municipality + "|" + colonia;

    private static string Code(string name) =>
        string.Concat(Web.Text.Fold(name).Where(char.IsLetterOrDigit)).ToUpper(CultureInfo.InvariantCulture) is { Length: > 0 } code
            ? code[..Math.Min(code.Length, 12)] : "NODO";
}
