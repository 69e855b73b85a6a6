using Ventanilla.Tickets;
using Ventanilla.Web;

namespace Ventanilla.Deadlines.Rules;

/// <summary>A deadline rule as typed in administration; enums as their wire names, "" for "any".</summary>
public sealed class DeadlineRuleInput
{
    public const int MaxAmount = 10_000;

    public string? Kind { get; set; }
    public string? What { get; set; }
    public int? Amount { get; set; }
    public string? Unit { get; set; }
    public string? Area { get; set; }
    public string? Priority { get; set; }
    public bool Pauses { get; set; }

    public static DeadlineRuleInput From(DeadlineRule rule) => new()
    {
        Kind = Wire.Name(rule.Kind),
        What = Wire.Name(rule.What),
        Amount = rule.Amount,
        Unit = Wire.Name(rule.Unit),
        Area = rule.AreaCode ?? "",
        Priority = rule.Priority is { } p ? Wire.Name(p) : "",
        Pauses = rule.PausesWhileWaitingOnSubscriber,
    };

    /// <summary>
    /// The rule, or null with Spanish reasons. <paramref name="others"/> are the rules it would sit
    /// beside: two rules for the same clock, kind, area and priority would leave the choice to their order.
    /// </summary>
    public DeadlineRule? Read(FieldErrors errors, IReadOnlyCollection<string> areaCodes, IEnumerable<DeadlineRule> others)
    {
        var kind = errors.Enum<TicketKind>("kind", Kind);
        var what = errors.Enum<DeadlineKind>("what", What);
        var unit = errors.Enum<DeadlineUnit>("unit", Unit);
        var priority = errors.Enum<TicketPriority>("priority", Priority, required: false);
        var area = Text.Clean(Area);
        if (area is not null && !areaCodes.Contains(area))
        {
            errors.Add("area", $"No existe el área «{area}».");
        }

        if (Amount is null)
        {
            errors.Add("amount", "Indica el plazo; 0 es de inmediato.");
        }
        else if (Amount is < 0 or > MaxAmount)
        {
            errors.Add("amount", $"El plazo va de 0 (de inmediato) a {MaxAmount:N0}.");
        }

        if (errors.Any)
        {
            return null;
        }

        var rule = new DeadlineRule(kind!.Value, what!.Value, Amount!.Value, unit!.Value, area, priority, Pauses);
        if (others.Any(o => o.Kind == rule.Kind && o.What == rule.What && o.AreaCode == rule.AreaCode && o.Priority == rule.Priority))
        {
            errors.Add("kind", "Ya hay una regla para ese plazo, tipo, área y prioridad; edítala en lugar de agregar otra.");
            return null;
        }

        return rule;
    }
}
