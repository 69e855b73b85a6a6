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

    /// <summary>
    /// The notice went to the subscriber (or an agent told them by phone): the only way to
    /// notified. Whoever calls it has checked the right to notify; <paramref name="said"/> notes how.
    /// </summary>
    public RuleViolation? Notify(Actor actor, DateTime now, string? said = null) =>
        Move(new StatusChange(TicketStatus.Notified, said), actor, now);

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
