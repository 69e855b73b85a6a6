namespace Ventanilla.Tickets;

public sealed partial class Ticket
{
    /// <summary>
    /// A notice queued for the subscriber. The entry keeps the event and the moment, which are the
    /// outbox row's event and creation time, so the page can show how far its delivery got.
    /// </summary>
    internal void RecordNotification(string eventName, ContactChannel channel, string recipient, string body, string? portalText, Actor actor, DateTime now)
    {
        // Like a note, it rides along with the change it tells about and does not bump the version itself.
        timeline.Add(new TimelineEntry(TimelineEntryType.NotificationQueued, actor, now,
            body.Length > 4000 ? body[..4000] : body, channel, field: eventName, to: recipient.Length > 200 ? recipient[..200] : recipient).WithPortalText(portalText));
        LastActivityAt = now;
    }
}
