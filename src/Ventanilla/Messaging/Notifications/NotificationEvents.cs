namespace Ventanilla.Messaging.Notifications;

/// <summary>The events the subscriber is told about. The names travel in the outbox and name the WhatsApp templates.</summary>
public static class NotificationEvents
{
    public const string Received = "received";
    public const string AssignedToTechnical = "assigned_to_technical";
    public const string VisitScheduled = "visit_scheduled";
    public const string VisitMissed = "visit_missed";
    public const string Resolved = "resolved";
    public const string Closed = "closed";
    public const string Reopened = "reopened";
    public const string DeadlineAtRisk = "deadline_at_risk";
    public const string DeadlineBreached = "deadline_breached";

    public static readonly IReadOnlyList<string> All =
        [Received, AssignedToTechnical, VisitScheduled, VisitMissed, Resolved, Closed, Reopened, DeadlineAtRisk, DeadlineBreached,
        .. Network.Outages.OutageEvents.All];

    public static string Label(string eventName) => eventName switch
    {
        Received => "Reporte recibido",
        AssignedToTechnical => "Turnado al área técnica",
        VisitScheduled => "Visita a domicilio programada",
        VisitMissed => "Visita no realizada",
        Resolved => "Aviso de resolución",
        Closed => "Folio cerrado",
        Reopened => "Folio reabierto",
        DeadlineAtRisk => "Plazo por vencer",
        DeadlineBreached => "Plazo vencido",
        _ => Network.Outages.OutageEvents.Label(eventName) ?? eventName,
    };
}
