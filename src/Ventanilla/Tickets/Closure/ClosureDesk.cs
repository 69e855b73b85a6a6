using Ventanilla.Data;
using Ventanilla.Messaging.Notifications;

namespace Ventanilla.Tickets.Closure;

/// <summary>
/// Step 5 of the procedure: the notice to the subscriber, and their answer from whatever channel
/// it comes. Each method changes the ticket and queues its notice; the caller saves both at once.
/// </summary>
public sealed class ClosureDesk(VentanillaDbContext db, Notifier notifier)
{
    public const int ReasonLength = 1000;

    /// <summary>Sends the cause, the correction and whether the report was upheld, and asks for a confirmation.</summary>
    public async Task<RuleViolation?> NotifyAsync(Ticket ticket, Actor actor, DateTime now, CancellationToken ct = default)
    {
        if (ticket.Notify(actor, now) is { } refused)
        {
            return refused;
        }

        await LoadSubscriberAsync(ticket, ct);
        await notifier.QueueAsync(ticket, NotificationEvents.Resolved, actor, now, ct: ct);
        return null;
    }

    /// <summary>The subscriber's answer to the notice: fixed closes the folio, not fixed reopens it.</summary>
    public async Task<RuleViolation?> AnswerAsync(Ticket ticket, bool isFixed, string? said, Actor actor, DateTime now, CancellationToken ct = default)
    {
        var reason = Shorten(said);
        var change = isFixed
            ? new StatusChange(TicketStatus.Closed, reason ?? "El suscriptor confirmó que quedó resuelto.", Confirmation: SubscriberConfirmation.Confirmed)
            : new StatusChange(TicketStatus.Reopened, reason ?? "El suscriptor dijo que no quedó resuelto.");
        if (ticket.ChangeStatus(change, actor, now) is { } violation)
        {
            return violation;
        }

        if (!isFixed && ticket.OutageId is not null)
        {
            // Service is back for the others but not here: this one is no longer the outage's, it goes on as its own fault.
            ticket.UnlinkFromOutage("El suscriptor dijo que sigue sin servicio después de restablecerse la falla: se atiende como falla ordinaria.", actor, now);
        }

        await LoadSubscriberAsync(ticket, ct);
        await notifier.QueueAsync(ticket, isFixed ? NotificationEvents.Closed : NotificationEvents.Reopened, actor, now, ct: ct);
        return null;
    }

    /// <summary>
    /// Reads a message the subscriber sent on a notified folio (an email reply, a chat message) and
    /// applies it when it plainly confirms or denies; anything else waits for an agent.
    /// </summary>
    public async Task<ClosureReply> ReadReplyAsync(Ticket ticket, string text, Actor actor, DateTime now, CancellationToken ct = default)
    {
        if (ticket.Status != TicketStatus.Notified)
        {
            return ClosureReply.Unclear;
        }

        var reply = ClosureAnswer.Read(text);
        if (reply != ClosureReply.Unclear)
        {
            await AnswerAsync(ticket, reply == ClosureReply.Fixed, text, actor, now, ct);
        }

        return reply;
    }

    /// <summary>No answer within the term: the folio closes, and the timeline and the subscriber are told why.</summary>
    public async Task<RuleViolation?> CloseUnansweredAsync(Ticket ticket, int days, DateTime now, CancellationToken ct = default)
    {
        var change = new StatusChange(TicketStatus.Closed,
            $"Cerrado sin respuesta del suscriptor después de {days} días hábiles del aviso.", Confirmation: SubscriberConfirmation.NoAnswer);
        if (ticket.ChangeStatus(change, Actor.System, now) is { } violation)
        {
            return violation;
        }

        await LoadSubscriberAsync(ticket, ct);
        await notifier.QueueAsync(ticket, NotificationEvents.Closed, Actor.System, now, ct: ct);
        return null;
    }

    private async Task LoadSubscriberAsync(Ticket ticket, CancellationToken ct)
    {
        // The notice may need the subscriber's own address when the report left none.
        if (ticket.SubscriberId is not null && ticket.Subscriber is null)
        {
            await db.Entry(ticket).Reference(t => t.Subscriber).LoadAsync(ct);
        }
    }

    private static string? Shorten(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim().Length > ReasonLength ? text.Trim()[..ReasonLength] : text.Trim();
}
