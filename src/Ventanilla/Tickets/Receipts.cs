using System.Globalization;
using System.Text;
using Ventanilla.Channels;
using Ventanilla.Provider;

namespace Ventanilla.Tickets;

/// <summary>
/// The written proof of a filing and its content that subscribers are entitled to (Carta de
/// Derechos Mínimos, right 23), queued for every way we know to reach them in writing.
/// </summary>
public static class Receipts
{
    private static readonly CultureInfo Mexico = CultureInfo.GetCultureInfo("es-MX");

    public static IEnumerable<OutboxMessage> For(Ticket ticket, ProviderOptions provider, DateTime now)
    {
        var email = ticket.Contact.Email ?? ticket.Subscriber?.Emails.FirstOrDefault()?.Address;
        if (email is not null)
        {
            yield return OutboxMessage.Queue(ticket, ContactChannel.Email, OutboxKind.Receipt, email,
                SubjectOf(ticket), BodyOf(ticket, provider), now);
        }

        // A phone report leaves nothing in writing, so the receipt also goes to WhatsApp; so does a
        // web report that gave a phone, since the portal promises it there.
        var phone = ticket.Contact.Phone ?? ticket.Subscriber?.Phones.FirstOrDefault()?.Number;
        var toWhatsApp = ticket.Channel == ContactChannel.Phone || (ticket.Channel == ContactChannel.Web && ticket.Contact.Phone is not null);
        if (toWhatsApp && phone is not null)
        {
            // Outside WhatsApp's 24-hour window only the approved "received" template may go: folio and kind.
            yield return OutboxMessage.Queue(ticket, ContactChannel.Whatsapp, OutboxKind.Receipt, phone,
                null, BodyOf(ticket, provider), now).About("received", ticket.Folio, SpanishLabels.Of(ticket.Kind));
        }
    }

    public static string SubjectOf(Ticket ticket) =>
        $"[Folio {ticket.Folio}] Recibimos tu {SpanishLabels.Of(ticket.Kind)}";

    public static string BodyOf(Ticket ticket, ProviderOptions provider)
    {
        var reported = TimeZoneInfo.ConvertTimeFromUtc(ticket.ReportedAt, provider.Zone);
        var text = new StringBuilder();
        text.AppendLine(Mexico, $"{provider.Name}: recibimos tu {SpanishLabels.Of(ticket.Kind)}.")
            .AppendLine()
            .AppendLine(Mexico, $"Folio: {ticket.Folio}")
            .AppendLine(Mexico, $"Tipo: {SpanishLabels.Of(ticket.Kind)}")
            .AppendLine(Mexico, $"Fecha: {reported:dd/MM/yyyy HH:mm} (hora de {provider.TimeZone})")
            .AppendLine(Mexico, $"Canal: {SpanishLabels.Of(ticket.Channel)}")
            .AppendLine(Mexico, $"Asunto: {ticket.Subject}")
            .AppendLine()
            .AppendLine("Lo que nos reportaste:")
            .AppendLine(ticket.Description)
            .AppendLine()
            .AppendLine("Con este folio puedes consultar el estado de tu trámite cuando quieras, sin costo:");
        if (provider.Phones.Count > 0)
        {
            text.AppendLine(Mexico, $"Teléfono: {string.Join(", ", provider.Phones)} ({provider.Hours})");
        }

        if (provider.Emails.Count > 0)
        {
            text.AppendLine(Mexico, $"Correo: {string.Join(", ", provider.Emails)} (24 horas, 365 días)");
        }

        if (!string.IsNullOrWhiteSpace(provider.Web))
        {
            text.AppendLine(Mexico, $"Web: {provider.Web} (24 horas, 365 días)");
        }

        if (!string.IsNullOrWhiteSpace(provider.WhatsApp))
        {
            text.AppendLine(Mexico, $"WhatsApp: {provider.WhatsApp}");
        }

        return text.ToString();
    }
}
