namespace Ventanilla.Network.Outages;

public sealed partial class Outage
{
    /// <summary>
    /// Writes a linked report on the timeline without touching the outage's own row: many reports
    /// arrive at once during an outage, and each filing must neither conflict with the others nor
    /// with a supervisor changing the outage meanwhile (its version stays as it is).
    /// </summary>
    public void NoteLinkedReport(string folio, Tickets.Actor actor, DateTime now) => Append(OutageEntryType.ReportLinked, folio, actor, now);

    /// <summary>
    /// A line the background jobs write (notices queued, reports resolved): like <see cref="NoteLinkedReport"/>
    /// it leaves the version alone, so a job never makes a supervisor's edit fail.
    /// </summary>
    public void Append(OutageEntryType type, string? body, Tickets.Actor actor, DateTime now) =>
        timeline.Add(new OutageEntry(type, actor, now, body));
}
