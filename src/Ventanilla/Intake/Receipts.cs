using System.Globalization;
using System.Text;
using Ventanilla.Messaging;
using Ventanilla.Messaging.Notifications;
using Ventanilla.Provider;
using Ventanilla.Tickets;

namespace Ventanilla.Intake;

/// <summary>
/// The written proof of a filing and its content that subscribers are entitled to (Carta de
/// Derechos Mínimos, right 23), queued for every way we know to reach them in writing. Its words
/// are the "received" notification template, edited in administration; the record of what was
/// filed follows them and is not editable, since it is the proof.
/// </summary>
public static class Receipts
{
    private static readonly CultureInfo Mexico = CultureInfo.GetCultureInfo("es-MX");

    /// <param name="received">The stored "received" template (or, for a report linked to an outage, "received_in_outage"); null for the defaults.</param>
    /// <param name="more">The outage's values, for a report linked to one: its receipt already says there is a failure in the zone.</param>
    public static IEnumerable<OutboxMessage> For(Ticket ticket, ProviderOptions provider, DateTime now, NotificationTemplate? received = null,
        IReadOnlyDictionary<string, string>? more = null)
    {
        var template = received ?? new NotificationTemplate(NotificationEvents.Received, DefaultTemplates.For(NotificationEvents.Received), DateTime.UnixEpoch);
        var rendered = Notifier.Render(template, ticket, provider, more: more);
        var body = rendered.Body + "\n\n" + RecordOf(ticket, provider);
        var email = ticket.Contact.Email ?? ticket.Subscriber?.Emails.FirstOrDefault()?.Address;
        if (email is not null)
        {
            yield return OutboxMessage.Queue(ticket, ContactChannel.Email, OutboxKind.Receipt, email, rendered.Subject, body, now);
        }

        // A phone report leaves nothing in writing, so the receipt also goes to WhatsApp; so does a
        // web report that gave a phone, since the portal promises it there.
        var phone = ticket.Contact.Phone ?? ticket.Subscriber?.Phones.FirstOrDefault()?.Number;
        var toWhatsApp = ticket.Channel == ContactChannel.Phone || (ticket.Channel == ContactChannel.Web && ticket.Contact.Phone is not null);
        if (toWhatsApp && phone is not null)
        {
            // Outside WhatsApp's 24-hour window only the approved template may go, with the template's parameters.
            yield return OutboxMessage.Queue(ticket, ContactChannel.Whatsapp, OutboxKind.Receipt, phone, null, body, now)
                .About(template.Event, [.. rendered.Parameters]);
        }
    }

    /// <summary>What was filed, when and how: the part of the receipt that proves it.</summary>
    public static string RecordOf(Ticket ticket, ProviderOptions provider)
    {
        var reported = TimeZoneInfo.ConvertTimeFromUtc(ticket.ReportedAt, provider.Zone);
        return new StringBuilder()
            .AppendLine("Constancia de tu reporte")
            .AppendLine(Mexico, $"Folio: {ticket.Folio}")
            .AppendLine(Mexico, $"Tipo: {SpanishLabels.Of(ticket.Kind)}")
            .AppendLine(Mexico, $"Fecha: {reported:dd/MM/yyyy HH:mm} (hora de {provider.TimeZone})")
            .AppendLine(Mexico, $"Canal: {SpanishLabels.Of(ticket.Channel)}")
            .AppendLine(Mexico, $"Asunto: {ticket.Subject}")
            .AppendLine()
            .AppendLine("Lo que nos reportaste:")
            .AppendLine(ticket.Description)
            .ToString();
    }
}
