using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ventanilla.Tickets;
using Ventanilla.Web;

namespace Ventanilla.Routing;

/// <summary>
/// One routing rule: conditions on a new report (each left empty matches anything) and what it
/// decides, the area, the priority, or both. Rules are tried in order.
/// </summary>
public sealed class RoutingRule
{
    private RoutingRule()
    {
    }

    public RoutingRule(int position, string name, RoutingConditions when, string? areaCode, TicketPriority? priority)
    {
        Position = position;
        Enabled = true;
        Set(name, when, areaCode, priority);
    }

    public int Id { get; private set; }
    public int Position { get; private set; }
    public string Name { get; private set; } = "";
    public bool Enabled { get; private set; }

    public TicketKind? Kind { get; private set; }
    public ContactChannel? Channel { get; private set; }

    /// <summary>Words or phrases separated by commas; any one of them in the subject or description matches.</summary>
    public string? Keywords { get; private set; }

    /// <summary>Postal codes or their beginnings, separated by commas: <c>44</c> is all of Guadalajara's.</summary>
    public string? PostalCodes { get; private set; }

    /// <summary>Neighborhoods, municipalities or states, separated by commas.</summary>
    public string? Zones { get; private set; }

    /// <summary>Part of the subscriber's plan name.</summary>
    public string? Plan { get; private set; }

    /// <summary>When set, matches only subscribers who declared (or did not declare) accessibility needs.</summary>
    public bool? NeedsAccessibility { get; private set; }

    public string? AreaCode { get; private set; }
    public TicketPriority? Priority { get; private set; }

    // Folded once per loaded rule, not once per report: the rules are shared by every intake.
    private string[]? keywordList;
    private string[]? postalCodeList;
    private string[]? zoneList;
    private string? foldedPlan;

    public RoutingConditions When => new(Kind, Channel, Keywords, PostalCodes, Zones, Plan, NeedsAccessibility);

    public void Set(string name, RoutingConditions when, string? areaCode, TicketPriority? priority)
    {
        Name = name;
        (Kind, Channel, Keywords, PostalCodes, Zones, Plan, NeedsAccessibility) = when;
        AreaCode = areaCode;
        Priority = priority;
        keywordList = postalCodeList = zoneList = null;
        foldedPlan = null;
    }

    public void MoveTo(int position) => Position = position;

    public void Enable(bool enabled) => Enabled = enabled;

    /// <summary>Whether every condition the rule sets holds for the report.</summary>
    public bool Matches(RoutingFacts facts) =>
        Enabled
        && (Kind is null || Kind == facts.Kind)
        && (Channel is null || Channel == facts.Channel)
        && (Keywords is null || (keywordList ??= List(Keywords)).Any(k => facts.Text.Contains(k, StringComparison.Ordinal)))
        && (PostalCodes is null || (postalCodeList ??= List(PostalCodes)).Any(p => facts.PostalCodes.Any(c => c.StartsWith(p, StringComparison.Ordinal))))
        && (Zones is null || (zoneList ??= List(Zones)).Any(z => facts.Places.Any(place => place.Contains(z, StringComparison.Ordinal))))
        && (Plan is null || (facts.Plan is { } plan && plan.Contains(foldedPlan ??= Text.Fold(Plan), StringComparison.Ordinal)))
        && (NeedsAccessibility is null || NeedsAccessibility == facts.NeedsAccessibility);

    // Compared folded, so «señal» matches «SENAL» and «Querétaro» matches «queretaro».
    private static string[] List(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Text.Fold).Where(w => w.Length > 0)];
}

/// <summary>The conditions of a routing rule; null is "any".</summary>
public sealed record RoutingConditions(
    TicketKind? Kind = null,
    ContactChannel? Channel = null,
    string? Keywords = null,
    string? PostalCodes = null,
    string? Zones = null,
    string? Plan = null,
    bool? NeedsAccessibility = null);

internal sealed class RoutingRuleConfiguration : IEntityTypeConfiguration<RoutingRule>
{
    public void Configure(EntityTypeBuilder<RoutingRule> b)
    {
        b.ToTable("routing_rules");
        b.Property(r => r.Name).HasMaxLength(100);
        b.Property(r => r.Keywords).HasMaxLength(1000);
        b.Property(r => r.PostalCodes).HasMaxLength(1000);
        b.Property(r => r.Zones).HasMaxLength(1000);
        b.Property(r => r.Plan).HasMaxLength(100);
        b.Property(r => r.AreaCode).HasMaxLength(40);
    }
}
