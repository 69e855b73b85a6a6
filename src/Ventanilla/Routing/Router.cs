using System.Globalization;
using Ventanilla.Deadlines.Rules;
using Ventanilla.Tickets;

namespace Ventanilla.Routing;

/// <summary>What routing decided for one report, and why, in words for the timeline.</summary>
public sealed record RoutingDecision(
    AreaInfo? Area,
    string? AreaBecause,
    TicketPriority? Priority,
    string? PriorityBecause,
    string? Member = null,
    AssignmentSlot Slot = AssignmentSlot.CustomerServiceOwner,
    string? MemberBecause = null)
{
    public static readonly RoutingDecision None = new(null, null, null, null);
}

/// <summary>
/// The routing rules applied to a report: the first matching rule that names an area decides the
/// area, and the first that names a priority decides the priority. A rule only ever raises the
/// priority: what the person taking the report chose is not lowered by a rule.
/// </summary>
public static class Router
{
    public static RoutingDecision Decide(FollowUpSnapshot rules, RoutingFacts facts, TicketPriority given)
    {
        AreaInfo? area = null;
        string? areaBecause = null;
        TicketPriority? priority = null;
        string? priorityBecause = null;
        foreach (var rule in rules.Routing)
        {
            if ((area is not null || rule.AreaCode is null) && (priority is not null || rule.Priority is null))
            {
                continue;
            }

            if (!rule.Matches(facts))
            {
                continue;
            }

            if (area is null && rule.AreaCode is { } code && rules.Areas.TryGetValue(code, out var found))
            {
                area = found;
                areaBecause = Because(rule);
            }

            if (priority is null && rule.Priority is { } p)
            {
                priority = p > given ? p : given;
                priorityBecause = Because(rule);
            }
        }

        return new RoutingDecision(area, areaBecause, priority is { } chosen && chosen != given ? chosen : null, priorityBecause);
    }

    private static string Because(RoutingRule rule) =>
        string.Create(CultureInfo.InvariantCulture, $"Regla de enrutamiento n.º {rule.Id}: «{rule.Name}».");
}
