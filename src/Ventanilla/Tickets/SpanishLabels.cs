namespace Ventanilla.Tickets;

/// <summary>How the procedure's words read to a Mexican subscriber.</summary>
public static class SpanishLabels
{
    public static string Of(TicketKind kind) => kind switch
    {
        TicketKind.Fault => "falla",
        TicketKind.Query => "consulta",
        TicketKind.Doubt => "duda",
        TicketKind.Clarification => "aclaración",
        TicketKind.Complaint => "queja",
        TicketKind.Suggestion => "sugerencia",
        TicketKind.Cancellation => "cancelación",
        TicketKind.PrivacyRequest => "solicitud sobre datos personales",
        _ => "trámite",
    };

    public static string Of(ContactChannel channel) => channel switch
    {
        ContactChannel.Phone => "teléfono",
        ContactChannel.Email => "correo electrónico",
        ContactChannel.Web => "página web",
        ContactChannel.Whatsapp => "WhatsApp",
        ContactChannel.InPerson => "en persona",
        _ => "integración",
    };

    public static string Of(TicketStatus status) => status switch
    {
        TicketStatus.Registered => "registrado",
        TicketStatus.InProgress => "en atención",
        TicketStatus.Diagnosing => "en diagnóstico",
        TicketStatus.VisitScheduled => "visita programada",
        TicketStatus.WaitingOnSubscriber => "en espera del suscriptor",
        TicketStatus.Routed => "turnado al área",
        TicketStatus.Resolved => "resuelto",
        TicketStatus.Notified => "notificado al suscriptor",
        TicketStatus.Closed => "cerrado",
        TicketStatus.Reopened => "reabierto",
        _ => "cancelado",
    };

    public static string Of(TicketPriority priority) => priority switch
    {
        TicketPriority.Low => "baja",
        TicketPriority.High => "alta",
        TicketPriority.Urgent => "urgente",
        _ => "normal",
    };

    public static string Of(SubscriberConfirmation confirmation) => confirmation switch
    {
        SubscriberConfirmation.Confirmed => "confirmó la reparación",
        SubscriberConfirmation.NotFixed => "dijo que no quedó resuelto",
        _ => "no respondió",
    };
}
