using Ventanilla.Routing;
using Ventanilla.Subscribers;
using Ventanilla.Tickets;

namespace Ventanilla.Tests.FollowUp;

/// <summary>Which area and priority the rules give a new report, and why.</summary>
public class RouterTests
{
    private static RoutingDecision Route(NewTicket report, Subscriber? subscriber = null, IEnumerable<RoutingRule>? rules = null) =>
        Router.Decide(Rules.Seeded(routing: rules), RoutingFacts.Of(report, subscriber), report.Priority);

    private static Subscriber Subscriber(string? plan = null, string? accessibility = null, string? postalCode = null, string? municipality = null) =>
        Ventanilla.Subscribers.Subscriber.Create(new SubscriberDetails("C-1", "Ana López", [], [], [],
            postalCode is null && municipality is null ? [] : [new ServiceAddress("Calle 1", null, municipality, "Zacatecas", postalCode, null)],
            plan, null, accessibility, true, false), Tickets.Now);

    [Theory]
    [InlineData(TicketKind.Fault, "tecnica")]
    [InlineData(TicketKind.Complaint, "servicio_al_cliente")]
    [InlineData(TicketKind.Clarification, "facturacion")]
    [InlineData(TicketKind.Cancellation, "cancelaciones")]
    public void By_default_each_kind_goes_to_its_area(TicketKind kind, string area)
    {
        var decision = Route(Rules.Report(kind));

        Assert.Equal(area, decision.Area?.Code);
        Assert.StartsWith("Regla de enrutamiento", decision.AreaBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void A_privacy_request_goes_to_customer_service_whatever_its_kind_and_accents()
    {
        var decision = Route(Rules.Report(TicketKind.Fault, "Quiero la OPOSICIÓN al uso de mis DATOS PERSONALES"));

        Assert.Equal("servicio_al_cliente", decision.Area?.Code);
        Assert.Contains("ARCO", decision.AreaBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fault_without_service_is_raised_to_high_priority_by_its_keywords_without_accents()
    {
        var decision = Route(Rules.Report(TicketKind.Fault, "Estoy SIN SEÑAL desde ayer"));

        Assert.Equal(TicketPriority.High, decision.Priority);
        Assert.Contains("Sin servicio", decision.PriorityBecause, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subscriber_with_accessibility_needs_gets_high_priority_on_a_fault()
    {
        Assert.Equal(TicketPriority.High, Route(Rules.Report(TicketKind.Fault), Subscriber(accessibility: "Usa silla de ruedas")).Priority);
        Assert.Null(Route(Rules.Report(TicketKind.Fault), Subscriber()).Priority);
    }

    [Fact]
    public void A_rule_never_lowers_the_priority_the_agent_chose()
    {
        var decision = Route(Rules.Report(TicketKind.Fault, "Sin internet", priority: TicketPriority.Urgent));

        Assert.Null(decision.Priority);
    }

    [Fact]
    public void A_postal_code_rule_matches_the_service_address_or_the_subscribers_address()
    {
        RoutingRule[] rules = [new(1, "Fresnillo", new RoutingConditions(PostalCodes: "990, 991"), "comercial", null)];

        Assert.Equal("comercial", Route(Rules.Report(TicketKind.Query, address: "Juárez 4, CP 99010"), rules: rules).Area?.Code);
        Assert.Equal("comercial", Route(Rules.Report(TicketKind.Query), Subscriber(postalCode: "99100"), rules).Area?.Code);
        Assert.Null(Route(Rules.Report(TicketKind.Query, address: "Hidalgo 1, CP 98000"), rules: rules).Area);
    }

    [Fact]
    public void A_zone_rule_matches_the_municipality_without_accents()
    {
        RoutingRule[] rules = [new(1, "Guadalupe", new RoutingConditions(Zones: "Guadalupe"), "comercial", null)];

        Assert.Equal("comercial", Route(Rules.Report(TicketKind.Query), Subscriber(municipality: "GUADALUPE"), rules).Area?.Code);
        Assert.Null(Route(Rules.Report(TicketKind.Query), Subscriber(municipality: "Fresnillo"), rules).Area);
    }

    [Fact]
    public void A_plan_rule_matches_part_of_the_subscribers_plan()
    {
        RoutingRule[] rules = [new(1, "Empresas", new RoutingConditions(Plan: "empresarial"), "comercial", TicketPriority.High)];

        var decision = Route(Rules.Report(TicketKind.Query), Subscriber(plan: "Internet Empresarial 200"), rules);

        Assert.Equal(("comercial", TicketPriority.High), (decision.Area?.Code, decision.Priority));
        Assert.Null(Route(Rules.Report(TicketKind.Query), Subscriber(plan: "Hogar 50"), rules).Area);
    }

    [Fact]
    public void The_first_matching_rule_decides_the_area_and_a_disabled_rule_decides_nothing()
    {
        var off = new RoutingRule(1, "Apagada", new RoutingConditions(TicketKind.Query), "cancelaciones", null);
        off.Enable(false);
        RoutingRule[] rules =
        [
            off,
            new(2, "Por canal", new RoutingConditions(Channel: ContactChannel.Whatsapp), "comercial", null),
            new(3, "Consultas", new RoutingConditions(TicketKind.Query), "facturacion", null),
        ];

        Assert.Equal("comercial", Route(Rules.Report(TicketKind.Query, channel: ContactChannel.Whatsapp), rules: rules).Area?.Code);
        Assert.Equal("facturacion", Route(Rules.Report(TicketKind.Query, channel: ContactChannel.Phone), rules: rules).Area?.Code);
    }

    [Fact]
    public void A_report_no_rule_matches_stays_without_area()
    {
        Assert.Equal(RoutingDecision.None, Route(Rules.Report(TicketKind.Suggestion, "Abran otra sucursal")));
    }
}
