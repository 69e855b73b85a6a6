using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Provider;
using Ventanilla.Tickets;

namespace Ventanilla.Messaging.Notifications;

/// <summary>
/// Tells the subscriber about an event on their ticket: renders the event's template, queues it in
/// the outbox on the subscriber's channel and writes it on the timeline. Nothing is saved here:
/// the caller's SaveChanges stores the notice with the change it tells about, or neither.
/// </summary>
public sealed class Notifier(VentanillaDbContext db, ProviderDirectory provider)
{
    // Jobs notify many tickets in one unit of work, mostly of one or two events: each template is read once.
    private readonly Dictionary<string, NotificationTemplate> templates = new(StringComparer.Ordinal);

    /// <summary>The queued message, or null when there is no written way to reach the subscriber (the timeline says so).</summary>
    public Task<OutboxMessage?> QueueAsync(Ticket ticket, string eventName, Actor actor, DateTime now,
        string? window = null, CancellationToken ct = default) => QueueAsync(ticket, eventName, actor, now, window, null, ct);

    /// <summary>Like the other, with values beyond the ticket's for the event's placeholders (an outage's).</summary>
    public async Task<OutboxMessage?> QueueAsync(Ticket ticket, string eventName, Actor actor, DateTime now,
        string? window, IReadOnlyDictionary<string, string>? more, CancellationToken ct)
    {
        // A WhatsApp sender who shares no phone number is reached at their user id, looked up only then.
        var whatsAppUser = ticket.Channel == ContactChannel.Whatsapp && ticket.Contact.Phone is null
            ? await Replies.WhatsAppUserAsync(db, ticket.Id, ct)
            : null;
        if (Replies.NoticeAddressFor(ticket, whatsAppUser) is not { } address)
        {
            ticket.AddNote($"No se pudo avisar al suscriptor ({NotificationEvents.Label(eventName)}): no tenemos su correo ni su WhatsApp.", Actor.System, now);
            return null;
        }

        var template = await TemplateAsync(eventName, ct);
        var rendered = Render(template, ticket, provider.Current, window, more);
        var message = OutboxMessage.Queue(ticket, address.Channel, OutboxKind.Notification, address.Recipient,
                address.Channel == ContactChannel.Email ? rendered.Subject : null, rendered.Body, now)
            .About(eventName, [.. rendered.Parameters]);
        db.Outbox.Add(message);
        ticket.RecordNotification(eventName, address.Channel, address.Recipient, rendered.Body, rendered.PortalText, actor, now);
        return message;
    }

    /// <summary>The first time a technical lead takes the ticket, the subscriber learns it is with the technical area.</summary>
    public async Task TellTechnicalHandOverAsync(Ticket ticket, string? leadBefore, Actor actor, DateTime now, CancellationToken ct = default)
    {
        if (leadBefore is null && ticket.TechnicalLeadId is not null)
        {
            await QueueAsync(ticket, NotificationEvents.AssignedToTechnical, actor, now, ct: ct);
        }
    }

    private async Task<NotificationTemplate> TemplateAsync(string eventName, CancellationToken ct = default)
    {
        if (!templates.TryGetValue(eventName, out var template))
        {
            template = await db.Set<NotificationTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Event == eventName, ct)
                ?? new NotificationTemplate(eventName, DefaultTemplates.For(eventName), DateTime.UnixEpoch);
            templates[eventName] = template;
        }

        return template;
    }

    /// <param name="more">Values beyond the ticket's (an outage's), for the events that use them.</param>
    public static RenderedNotice Render(NotificationTemplate template, Ticket ticket, ProviderOptions provider, string? window = null,
        IReadOnlyDictionary<string, string>? more = null)
    {
        var values = NotificationValues.For(ticket, provider, window);
        foreach (var (name, value) in more ?? new Dictionary<string, string>())
        {
            values[name] = value;
        }

        var parameters = TemplateText.ParameterNames(template.WhatsAppParameters).Select(n => values.GetValueOrDefault(n, "")).ToArray();
        return new RenderedNotice(
            TemplateText.Render(template.EmailSubject, values),
            TemplateText.Render(template.EmailBody, values),
            parameters,
            TemplateText.Render(template.PortalText, values));
    }
}

/// <summary>A template filled in for one ticket: what each channel would carry.</summary>
public sealed record RenderedNotice(string Subject, string Body, IReadOnlyList<string> Parameters, string PortalText);
