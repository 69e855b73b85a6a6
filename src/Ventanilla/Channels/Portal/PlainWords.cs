using System.Globalization;
using Ventanilla.Provider;
using Ventanilla.Tickets;

namespace Ventanilla.Channels.Portal;

/// <summary>A ticket's state as a subscriber reads it: what is happening and what comes next.</summary>
public static class PlainWords
{
    private static readonly CultureInfo Mexico = CultureInfo.GetCultureInfo("es-MX");

    public static string Status(TicketStatus status) => status switch
    {
        TicketStatus.Registered => "Recibido",
        TicketStatus.InProgress or TicketStatus.Routed => "En atención",
        TicketStatus.Diagnosing => "En revisión técnica",
        TicketStatus.VisitScheduled => "Visita programada",
        TicketStatus.WaitingOnSubscriber => "Esperamos tu respuesta",
        TicketStatus.Resolved => "Resuelto",
        TicketStatus.Notified => "Solución informada",
        TicketStatus.Closed => "Cerrado",
        TicketStatus.Reopened => "Reabierto",
        _ => "Cancelado",
    };

    public static string NextStep(TicketStatus status) => status switch
    {
        TicketStatus.Registered => "Lo revisaremos y te diremos qué sigue por el medio de contacto que nos diste.",
        TicketStatus.InProgress => "Nuestro equipo lo está atendiendo. Te avisaremos cuando haya una solución.",
        TicketStatus.Routed => "Lo turnamos al área responsable, que lo está atendiendo.",
        TicketStatus.Diagnosing => "Nuestro personal técnico revisa la causa y, si hace falta, te visitará.",
        TicketStatus.VisitScheduled => "Un técnico visitará tu domicilio en la fecha acordada.",
        TicketStatus.WaitingOnSubscriber => "Necesitamos un dato tuyo: revisa nuestros mensajes y respóndenos aquí abajo.",
        TicketStatus.Resolved => "Ya lo resolvimos; en breve te explicaremos la causa y la solución.",
        TicketStatus.Notified => "Te explicamos la solución. Dinos si ya quedó o si sigue el problema.",
        TicketStatus.Closed => "Tu trámite está cerrado. Si el problema vuelve, levanta un reporte nuevo.",
        TicketStatus.Reopened => "Lo reabrimos y lo volvemos a atender con lo que nos dijiste.",
        _ => "Este trámite ya no sigue en curso.",
    };

    /// <summary>A moment in the provider's zone, written out: "jueves 26 de noviembre de 2026, 14:30".</summary>
    public static string Moment(DateTime utc, ProviderOptions provider) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), provider.Zone)
            .ToString("dddd d 'de' MMMM 'de' yyyy, HH:mm", Mexico);

    public static string Iso(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mmZ", CultureInfo.InvariantCulture);
}
