using System.Text.RegularExpressions;
using Ventanilla.Subscribers;
using Ventanilla.Tickets;

namespace Ventanilla.Routing;

/// <summary>What routing may look at in a new report, folded once so every rule compares cheaply.</summary>
public sealed partial record RoutingFacts(
    TicketKind Kind,
    ContactChannel Channel,
    string Text,
    IReadOnlyList<string> PostalCodes,
    IReadOnlyList<string> Places,
    string? Plan,
    bool NeedsAccessibility)
{
    public static RoutingFacts Of(NewTicket report, Subscriber? subscriber)
    {
        var addresses = subscriber?.Addresses ?? [];
        // The service address typed at intake comes first: it is where this report is about.
        var postalCodes = PostalCode().Matches(report.ServiceAddress ?? "").Select(m => m.Value)
            .Concat(addresses.Select(a => a.PostalCode).OfType<string>().Select(p => p.Trim()))
            .ToList();
        var places = new[] { report.ServiceAddress }
            .Concat(addresses.SelectMany(a => new[] { a.Neighborhood, a.Municipality, a.State }))
            .OfType<string>().Select(Web.Text.Fold).ToList();
        return new RoutingFacts(
            report.Kind,
            report.Channel,
            Web.Text.Fold(report.Subject + "\n" + report.Description),
            postalCodes,
            places,
            subscriber?.PlanName is { } plan ? Web.Text.Fold(plan) : null,
            !string.IsNullOrWhiteSpace(subscriber?.AccessibilityNeeds));
    }

    [GeneratedRegex(@"(?<!\d)\d{5}(?!\d)")]
    private static partial Regex PostalCode();
}
