using Ventanilla.Deadlines;
using Ventanilla.Tickets;

namespace Ventanilla.Routing;

/// <summary>The routing of a fresh install, after the seed procedure: each kind to the area that answers it.</summary>
public static class RoutingSeeds
{
    public static IEnumerable<RoutingRule> Rules()
    {
        var position = 0;
        RoutingRule Rule(string name, RoutingConditions when, string? area, TicketPriority? priority = null) =>
            new(++position * 10, name, when, area, priority);

        // Privacy (ARCO) requests go to customer service whatever their kind: the law's terms are its to keep.
        yield return Rule("Datos personales (derechos ARCO)",
            new(Keywords: "datos personales, aviso de privacidad, derechos arco, cancelar mis datos, oposicion"), "servicio_al_cliente");
        yield return Rule("Fallas al área técnica", new(Kind: TicketKind.Fault), DeadlineRules.TechnicalArea);
        // A subscriber with accessibility needs and no service waits least.
        yield return Rule("Falla con necesidades de accesibilidad", new(Kind: TicketKind.Fault, NeedsAccessibility: true), null, TicketPriority.High);
        yield return Rule("Sin servicio: prioridad alta",
            new(Kind: TicketKind.Fault, Keywords: "sin servicio, sin internet, sin senal, no hay internet, no funciona nada"), null, TicketPriority.High);
        yield return Rule("Quejas a Servicio al Cliente", new(Kind: TicketKind.Complaint), "servicio_al_cliente");
        yield return Rule("Aclaraciones a Facturación", new(Kind: TicketKind.Clarification), "facturacion");
        yield return Rule("Cancelaciones", new(Kind: TicketKind.Cancellation), "cancelaciones");
        yield return Rule("Reconexión al área técnica", new(Kind: TicketKind.Other, Keywords: "reconexion, reconectar"), DeadlineRules.TechnicalArea);
    }

    public static (AssignmentMode Mode, AssignmentSlot Slot) ForArea(string code) => code == DeadlineRules.TechnicalArea
        ? (AssignmentMode.LeastLoaded, AssignmentSlot.TechnicalLead)
        : (AssignmentMode.RoundRobin, AssignmentSlot.CustomerServiceOwner);
}
