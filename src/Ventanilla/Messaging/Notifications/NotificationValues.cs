using System.Globalization;
using System.Text;
using Ventanilla.Provider;
using Ventanilla.Tickets;

namespace Ventanilla.Messaging.Notifications;

/// <summary>The values a ticket gives the placeholders, as the subscriber should read them.</summary>
public static class NotificationValues
{
    private static readonly CultureInfo Mexico = CultureInfo.GetCultureInfo("es-MX");

    public static Dictionary<string, string> For(Ticket ticket, ProviderOptions provider, string? window = null) => new()
    {
        ["folio"] = ticket.Folio,
        ["tipo"] = SpanishLabels.Of(ticket.Kind),
        ["estado"] = SpanishLabels.Of(ticket.Status),
        ["causa"] = ticket.Resolution?.Cause ?? "en revisión",
        ["correccion"] = ticket.Resolution?.Correction ?? "en revisión",
        ["procedente"] = ticket.Resolution is null ? "en revisión" : ticket.Resolution.Upheld ? "procedente" : "improcedente",
        ["ventana"] = window ?? "por confirmar",
        ["vence"] = ticket.DueAt is { } due
            ? TimeZoneInfo.ConvertTimeFromUtc(due, provider.Zone).ToString("dddd d 'de' MMMM 'a las' H:mm", Mexico)
            : "sin plazo",
        ["canales"] = Channels(provider),
    };

    /// <summary>Every way the provider can be reached, one per line, with its hours.</summary>
    public static string Channels(ProviderOptions provider)
    {
        var text = new StringBuilder();
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

        return text.ToString().TrimEnd();
    }
}
