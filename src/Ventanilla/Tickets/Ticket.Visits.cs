using System.Globalization;
using Ventanilla.Visits;
using Ventanilla.Web;

namespace Ventanilla.Tickets;

public sealed partial class Ticket
{
    /// <summary>
    /// A visit booked for this ticket: the ticket waits on it, and the history keeps when and by
    /// whom, and which visit it replaces when it is a rescheduling.
    /// </summary>
    public RuleViolation? RecordVisitScheduled(Visit visit, string technicianName, string window, Visit? replaces, Actor actor, DateTime now)
    {
        if (Status != TicketStatus.VisitScheduled)
        {
            if (!TicketLifecycle.IsAllowed(Status, TicketStatus.VisitScheduled, Kind))
            {
                return NotAllowed(TicketStatus.VisitScheduled);
            }

            ChangeStatus(new StatusChange(TicketStatus.VisitScheduled), actor, now);
        }

        var body = replaces is null
            ? $"Visita programada con {technicianName}: {window}."
            : $"Visita reprogramada con {technicianName}: {window}. La anterior quedó marcada como reprogramada.";
        Touch(new TimelineEntry(TimelineEntryType.VisitChanged, actor, now, body, field: "visit",
            from: replaces is null ? null : Wire.Name(VisitStatus.Rescheduled), to: Wire.Name(visit.Status)), now);
        return null;
    }

    /// <summary>What the technician reported from the visit: the arrival, the result, or why it could not be made.</summary>
    public void RecordVisitReport(Visit visit, Actor actor, DateTime now)
    {
        var body = visit.Status switch
        {
            VisitStatus.Arrived => "El técnico llegó al domicilio.",
            VisitStatus.Done => string.Join('\n', new[]
            {
                $"Resultado: {visit.Result}",
                visit.Notes is null ? null : $"Notas: {visit.Notes}",
                visit.ServiceRestoredAt is { } restored ? string.Create(CultureInfo.InvariantCulture, $"Servicio restablecido: {restored:yyyy-MM-dd HH:mm} UTC") : null,
            }.OfType<string>()),
            VisitStatus.Missed => $"Visita no realizada: {visit.MissedReason}",
            _ => null,
        };
        if (visit.ServiceRestoredAt is { } at && (ServiceRestoredAt is null || at > ServiceRestoredAt))
        {
            ServiceRestoredAt = at;
        }

        Touch(new TimelineEntry(TimelineEntryType.VisitChanged, actor, now, body, field: "visit", to: Wire.Name(visit.Status)), now);
    }
}
