using Ventanilla.Provider;
using Ventanilla.Tickets;

namespace Ventanilla.Messaging.Notifications;

/// <summary>A made-up fault, resolved, that the template editor fills the placeholders from; never stored.</summary>
public static class SampleTicket
{
    public const string Window = "martes 3 de marzo de 2026, de 8:00 a 14:00";

    public static Ticket Create(ProviderOptions provider, DateTime now)
    {
        var report = new NewTicket(TicketKind.Fault, ContactChannel.Email, "Sin internet desde ayer",
            "No tengo internet desde ayer; el módem parpadea en rojo.", "Av. Hidalgo 120, Col. Centro",
            new ContactInfo("María Hernández", "4921234567", "maria@example.mx"), ReportedAt: now.AddHours(-3));
        var ticket = Ticket.Register(new Folio(provider.FolioPrefix, now.Year, 123), report, null, Actor.System, now);
        ticket.SetDeadline(now.AddHours(21), now.AddHours(15));
        ticket.RecordResolution("Falla en fibra óptica (corte o daño en la red)", "Se reemplazó el tramo de fibra dañado en la calle.",
            upheld: true, null, Actor.System, now);
        return ticket;
    }
}
