namespace Ventanilla.Tickets;

public sealed partial class Ticket
{
    /// <summary>
    /// Tells Customer Service that the repair or the area's work is done and the subscriber is
    /// now owed the notice; the "Por notificar" queue lists the folio until it is sent.
    /// </summary>
    private void HandOverForNotice(Actor actor, DateTime now) =>
        timeline.Add(new TimelineEntry(TimelineEntryType.ReadyToNotify, actor, now,
            "Servicio al Cliente: folio listo para notificar al suscriptor la causa, la corrección y si fue procedente."));

    /// <summary>Why the closing notice cannot go yet, or null when it can.</summary>
    public RuleViolation? CheckNotice()
    {
        if (Status != TicketStatus.Resolved)
        {
            return Violation("El aviso al suscriptor se envía cuando el folio está resuelto.", Resolution is null ? [RuleViolation.MissingResolution] : []);
        }

        return NeedsAreaOutcome(Kind) && Outcome is null
            ? Violation("Antes del aviso, el área debe registrar el resultado: aclarado, conciliado, reparado o rechazado.", [MissingOutcome])
            : null;
    }
}
