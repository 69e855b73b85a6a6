using Ventanilla.Messaging;
using Ventanilla.Tickets;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>What the bot says, in Spanish, and the ids of the answers it offers.</summary>
internal static class BotTexts
{
    public const string Report = "menu:falla";
    public const string Folio = "menu:folio";
    public const string Query = "menu:consulta";
    public const string Cancel = "menu:baja";
    public const string Person = "menu:persona";
    public const string Fixed = "cierre:si";
    public const string NotFixed = "cierre:no";

    public static readonly Actor Bot = new("whatsapp:bot", "Asistente de WhatsApp");

    // A list, not buttons: WhatsApp allows three reply buttons and the menu has five choices.
    public static readonly Choice[] Menu =
    [
        new(Report, "Reportar una falla"),
        new(Folio, "Consultar un folio"),
        new(Query, "Consulta o queja"),
        new(Cancel, "Cancelar el servicio"),
        new(Person, "Hablar con una persona"),
    ];

    public static readonly Choice[] Closure = [new(Fixed, "Sí, ya funciona"), new(NotFixed, "No está resuelto")];

    public static string Welcome(string provider, string? name) =>
        $"Hola{(name is null ? "" : " " + name)}, te atiende {provider}. ¿En qué te ayudamos? Elige una opción de la lista o escribe su número:\n" +
        string.Join('\n', Menu.Select((c, i) => $"{i + 1}. {c.Title}"));

    public const string AskContract =
        "No encontramos tu número de WhatsApp entre nuestros suscriptores. Escríbenos tu número de contrato (viene en tu factura); si no lo tienes a la mano, escribe OMITIR.";

    public const string ContractNotFound =
        "No encontramos ese número de contrato. Revísalo y escríbelo de nuevo, o escribe OMITIR para seguir sin él.";

    public static string AskDescription(TicketKind kind) => kind switch
    {
        TicketKind.Fault => "Cuéntanos qué falla y desde cuándo (por ejemplo: «sin internet desde ayer, el módem parpadea en rojo»). Puedes mandar fotos después.",
        TicketKind.Cancellation => "Lamentamos que te vayas. Escríbenos el motivo de la cancelación y la dirección del servicio; un asesor te confirmará los pasos.",
        _ => "Escríbenos tu consulta o queja con el mayor detalle que puedas.",
    };

    public const string AskFolio = "Escríbenos el folio que quieres consultar; se ve así: NM-2026-000123.";

    public static string Filed(Ticket ticket) =>
        $"Registramos tu {SpanishLabels.Of(ticket.Kind)} con el folio {ticket.Folio}. Guárdalo: con él puedes consultar su estado cuando quieras, " +
        "escribiendo «estado " + ticket.Folio + "». Lo que nos escribas por aquí se agrega a tu folio.";

    public static string PersonComing(Ticket ticket) =>
        $"Un asesor te atenderá por este chat lo antes posible. Tu folio es {ticket.Folio}.";

    public static string Status(Ticket ticket, TimeZoneInfo zone) =>
        $"Tu folio {ticket.Folio} ({SpanishLabels.Of(ticket.Kind)}) está {SpanishLabels.Of(ticket.Status)}. " +
        $"Última actividad: {TimeZoneInfo.ConvertTimeFromUtc(ticket.LastActivityAt, zone).ToString("dd/MM/yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture)}.";

    public static string NoSuchFolio(string folio) =>
        $"No encontramos el folio {folio} a nombre de este número. Revisa que esté bien escrito, o llámanos y con gusto lo buscamos.";

    public static string AskClosure(Ticket ticket) =>
        $"Te avisamos que atendimos tu folio {ticket.Folio}. ¿Ya quedó resuelto?";

    public const string ThanksClosed = "¡Gracias por confirmarlo! Cerramos tu folio. Si algo más falla, escríbenos por aquí.";

    public const string AskWhatFails = "Lamentamos que siga fallando. Cuéntanos qué pasa y reabrimos tu folio.";

    public static string UnverifiedClosure(string address) =>
        $"Remitente no verificado: el WhatsApp {address} no es del titular de este folio; su mensaje no se tomó como respuesta al aviso de cierre.";

    public static string Reopened(Ticket ticket) => $"Reabrimos tu folio {ticket.Folio}; un asesor le dará seguimiento.";
}
