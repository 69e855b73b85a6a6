using System.Text.RegularExpressions;
using Ventanilla.Tickets;
using Ventanilla.Web;

namespace Ventanilla.Routing;

/// <summary>A routing rule as typed in administration; enums as wire names, "" for "any".</summary>
public sealed partial class RoutingRuleInput
{
    public int? Position { get; set; }
    public string? Name { get; set; }
    public bool Enabled { get; set; } = true;
    public string? Kind { get; set; }
    public string? Channel { get; set; }
    public string? Keywords { get; set; }
    public string? PostalCodes { get; set; }
    public string? Zones { get; set; }
    public string? Plan { get; set; }

    /// <summary><c>si</c>, <c>no</c> or empty for either.</summary>
    public string? Accessibility { get; set; }
    public string? Area { get; set; }
    public string? Priority { get; set; }

    public static RoutingRuleInput From(RoutingRule rule) => new()
    {
        Position = rule.Position,
        Name = rule.Name,
        Enabled = rule.Enabled,
        Kind = rule.Kind is { } k ? Wire.Name(k) : "",
        Channel = rule.Channel is { } c ? Wire.Name(c) : "",
        Keywords = rule.Keywords,
        PostalCodes = rule.PostalCodes,
        Zones = rule.Zones,
        Plan = rule.Plan,
        Accessibility = rule.NeedsAccessibility switch { true => "si", false => "no", _ => "" },
        Area = rule.AreaCode ?? "",
        Priority = rule.Priority is { } p ? Wire.Name(p) : "",
    };

    public (int Position, string Name, RoutingConditions When, string? Area, TicketPriority? Priority)? Read(FieldErrors errors, IReadOnlyCollection<string> areaCodes)
    {
        var name = errors.Text("name", Name, 100, required: true);
        var kind = errors.Enum<TicketKind>("kind", Kind, required: false);
        var channel = errors.Enum<ContactChannel>("channel", Channel, required: false);
        var priority = errors.Enum<TicketPriority>("priority", Priority, required: false);
        var keywords = errors.Text("keywords", Keywords, 1000);
        var postalCodes = errors.Text("postalCodes", PostalCodes, 1000);
        var zones = errors.Text("zones", Zones, 1000);
        var plan = errors.Text("plan", Plan, 100);
        var area = Text.Clean(Area);
        if (area is not null && !areaCodes.Contains(area))
        {
            errors.Add("area", $"No existe el área «{area}».");
        }

        if (postalCodes is not null && postalCodes.Split(',', StringSplitOptions.TrimEntries).FirstOrDefault(p => !PostalPrefix().IsMatch(p)) is { } bad)
        {
            errors.Add("postalCodes", $"«{bad}» no es un código postal ni su inicio: de 1 a 5 dígitos, separados por comas.");
        }

        bool? accessibility = Text.Clean(Accessibility) switch
        {
            null => null,
            "si" => true,
            "no" => false,
            var other => Invalid(other),
        };
        if (Position is null or < 0 or > 1_000_000)
        {
            errors.Add("position", "Indica el orden: un número de 0 a 1,000,000; las reglas se prueban de menor a mayor.");
        }

        if (area is null && priority is null && !errors.Any)
        {
            errors.Add("area", "La regla debe decidir algo: el área, la prioridad o ambas.");
        }

        return errors.Any || name is null
            ? null
            : (Position!.Value, name, new RoutingConditions(kind, channel, keywords, postalCodes, zones, plan, accessibility), area, priority);

        bool? Invalid(string value)
        {
            errors.Add("accessibility", $"«{value}» no es una opción válida.");
            return null;
        }
    }

    [GeneratedRegex(@"^\d{1,5}$")]
    private static partial Regex PostalPrefix();
}
