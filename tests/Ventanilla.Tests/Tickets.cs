using Ventanilla.Tickets;

namespace Ventanilla.Tests;

/// <summary>Tickets in any state, reached the way the procedure reaches it.</summary>
internal static class Tickets
{
    public static readonly DateTime Now = new(2026, 11, 26, 15, 0, 0, DateTimeKind.Utc);
    public static readonly Actor Agent = new("u-1", "Ana Agente");

    public static Ticket New(TicketKind kind) => Ticket.Register(
        new Folio("NM", 2026, 1),
        new NewTicket(kind, ContactChannel.Phone, "Sin internet", "No tengo internet desde ayer; el módem parpadea.",
            "Av. Juárez 10, Zacatecas", new ContactInfo("Juan Pérez", "+524921234567", "juan@example.mx")),
        null, Agent, Now);

    public static Ticket InStatus(TicketKind kind, TicketStatus status)
    {
        var ticket = New(kind);
        foreach (var step in PathTo(status))
        {
            var violation = step == TicketStatus.Resolved
                ? ticket.RecordResolution("Fibra dañada", "Se reemplazó el tramo", true, null, Agent, Now)
                : step == TicketStatus.Notified ? ticket.Notify(Agent, Now)
                : ticket.ChangeStatus(new StatusChange(step, "motivo", null,
                    step == TicketStatus.Closed ? SubscriberConfirmation.Confirmed : null), Agent, Now);
            Assert.Null(violation);
        }

        Assert.Equal(status, ticket.Status);
        return ticket;
    }

    private static TicketStatus[] PathTo(TicketStatus status) => status switch
    {
        TicketStatus.Registered => [],
        TicketStatus.InProgress => [TicketStatus.InProgress],
        TicketStatus.Routed => [TicketStatus.InProgress, TicketStatus.Routed],
        TicketStatus.Resolved => [TicketStatus.InProgress, TicketStatus.Resolved],
        TicketStatus.Notified => [TicketStatus.InProgress, TicketStatus.Resolved, TicketStatus.Notified],
        TicketStatus.Closed => [TicketStatus.InProgress, TicketStatus.Resolved, TicketStatus.Notified, TicketStatus.Closed],
        TicketStatus.Reopened => [TicketStatus.InProgress, TicketStatus.Resolved, TicketStatus.Notified, TicketStatus.Reopened],
        _ => [TicketStatus.InProgress, status],
    };
}
