using Microsoft.EntityFrameworkCore;
using Ventanilla.Channels;
using Ventanilla.Data;
using Ventanilla.Provider;
using Ventanilla.Tickets;

namespace Ventanilla.FollowUp.Notifications;

/// <summary>
/// Tells the subscriber about an event on their ticket: renders the event's template, queues it in
/// the outbox on the subscriber's channel and writes it on the timeline. Nothing is saved here:
/// the caller's SaveChanges stores the notice with the change it tells about, or neither.
/// </summary>
public sealed class Notifier(VentanillaDbContext db, ProviderDirectory provider)
{
    /// <summary>The queued message, or null when there is no written way to reach the subscriber (the timeline says so).</summary>
    public async Task<OutboxMessage?> QueueAsync(Ticket ticket, string eventName, Actor actor, DateTime now,
        string? window = null, CancellationToken ct = default)
    {
        var template = await TemplateAsync(eventName, ct);
        if (AddressOf(ticket) is not { } address)
        {
            ticket.AddNote($"No se pudo avisar al suscriptor ({NotificationEvents.Label(eventName)}): no tenemos su correo ni su WhatsApp.", Actor.System, now);
            return null;
        }

        var rendered = Render(template, ticket, provider.Current, window);
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

    public async Task<NotificationTemplate> TemplateAsync(string eventName, CancellationToken ct = default) =>
        await db.Set<NotificationTemplate>().AsNoTracking().FirstOrDefaultAsync(t => t.Event == eventName, ct)
        ?? new NotificationTemplate(eventName, DefaultTemplates.For(eventName), DateTime.UnixEpoch);

    public static RenderedNotice Render(NotificationTemplate template, Ticket ticket, ProviderOptions provider, string? window = null)
    {
        var values = NotificationValues.For(ticket, provider, window);
        var parameters = TemplateText.ParameterNames(template.WhatsAppParameters).Select(n => values.GetValueOrDefault(n, "")).ToArray();
        return new RenderedNotice(
            TemplateText.Render(template.EmailSubject, values),
            TemplateText.Render(template.EmailBody, values),
            parameters,
            TemplateText.Render(template.PortalText, values));
    }

    /// <summary>The subscriber's channel of choice: the one they reported on when it is written, else email, else WhatsApp.</summary>
    public static ReplyAddress? AddressOf(Ticket ticket)
    {
        var email = ticket.Contact.Email ?? ticket.Subscriber?.Emails.FirstOrDefault()?.Address;
        var phone = ticket.Contact.Phone ?? ticket.Subscriber?.Phones.FirstOrDefault()?.Number;
        var byEmail = email is null ? null : new ReplyAddress(ContactChannel.Email, email);
        var byWhatsApp = phone is null ? null : new ReplyAddress(ContactChannel.Whatsapp, phone);
        return ticket.Channel == ContactChannel.Whatsapp ? byWhatsApp ?? byEmail : byEmail ?? byWhatsApp;
    }
}

/// <summary>A template filled in for one ticket: what each channel would carry.</summary>
public sealed record RenderedNotice(string Subject, string Body, IReadOnlyList<string> Parameters, string PortalText);
