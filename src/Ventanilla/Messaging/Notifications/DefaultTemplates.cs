namespace Ventanilla.Messaging.Notifications;

/// <summary>The Spanish texts a fresh install starts with; administrators edit them in /admin/plantillas.</summary>
internal static class DefaultTemplates
{
    private const string Footer = "\n\nPuedes consultar tu folio cuando quieras, sin costo:\n{canales}";

    public static TemplateTexts For(string eventName) => eventName switch
    {
        NotificationEvents.Received => new(
            "[Folio {folio}] Recibimos tu {tipo}",
            "Recibimos tu {tipo} y le asignamos el folio {folio}. Te avisaremos de cada avance." + Footer,
            "folio_recibido", "es_MX", "folio,tipo",
            "Recibimos tu {tipo}. Tu folio es {folio}."),
        NotificationEvents.AssignedToTechnical => new(
            "[Folio {folio}] Tu reporte está con el área técnica",
            "Tu {tipo} con folio {folio} ya está con nuestro responsable técnico, que revisará la causa. El plazo para resolverlo vence el {vence}." + Footer,
            "folio_area_tecnica", "es_MX", "folio,vence",
            "Tu reporte está con el área técnica. Vence el {vence}."),
        NotificationEvents.VisitScheduled => new(
            "[Folio {folio}] Visita técnica programada",
            "Programamos una visita técnica a tu domicilio para atender tu folio {folio}: {ventana}.\n\nSi no puedes recibirnos, avísanos para cambiar la fecha." + Footer,
            "visita_programada", "es_MX", "folio,ventana",
            "Visita técnica programada: {ventana}."),
        NotificationEvents.VisitMissed => new(
            "[Folio {folio}] No pudimos realizar la visita",
            "No pudimos realizar la visita técnica programada para tu folio {folio} ({ventana}). Te contactaremos para acordar una nueva fecha." + Footer,
            "visita_no_realizada", "es_MX", "folio,ventana",
            "No pudimos realizar la visita ({ventana}). Te contactaremos para reprogramarla."),
        NotificationEvents.Resolved => new(
            "[Folio {folio}] Atendimos tu {tipo}: ¿quedó resuelto?",
            "Atendimos tu {tipo} con folio {folio}.\n\nCausa: {causa}\nCorrección: {correccion}\nTu reporte fue {procedente}.\n\n¿Quedó resuelto? Responde a este mensaje con «sí, ya funciona» para confirmarlo, o con «no, sigue igual» si el problema continúa." + Footer,
            "folio_resuelto", "es_MX", "folio,causa,correccion,procedente",
            "Atendimos tu {tipo}. Causa: {causa}. Corrección: {correccion}. Tu reporte fue {procedente}. ¿Quedó resuelto?"),
        NotificationEvents.Closed => new(
            "[Folio {folio}] Cerramos tu folio",
            "Cerramos tu folio {folio}. Gracias por confirmarlo. Si el problema vuelve, responde a este mensaje o comunícate con nosotros." + Footer,
            "folio_cerrado", "es_MX", "folio",
            "Tu folio {folio} está cerrado."),
        NotificationEvents.Reopened => new(
            "[Folio {folio}] Reabrimos tu folio",
            "Nos dijiste que el problema de tu folio {folio} continúa. Lo reabrimos y nuestro equipo técnico lo revisará de nuevo." + Footer,
            "folio_reabierto", "es_MX", "folio",
            "Reabrimos tu folio {folio}; lo revisaremos de nuevo."),
        NotificationEvents.DeadlineAtRisk => new(
            "[Folio {folio}] Seguimos trabajando en tu {tipo}",
            "Seguimos trabajando en tu {tipo} con folio {folio}. El plazo para resolverlo vence el {vence}." + Footer,
            "plazo_por_vencer", "es_MX", "folio,vence",
            "Seguimos trabajando en tu folio. Vence el {vence}."),
        NotificationEvents.DeadlineBreached => new(
            "[Folio {folio}] Tu {tipo} sigue en atención",
            "Lamentamos que tu {tipo} con folio {folio} no quedara resuelto en el plazo, que venció el {vence}. Seguimos atendiéndolo y te avisaremos en cuanto quede resuelto." + Footer,
            "plazo_vencido", "es_MX", "folio,vence",
            "Tu folio {folio} superó su plazo ({vence}); seguimos atendiéndolo."),
        _ => Network.Outages.OutageEvents.DefaultTexts(eventName),
    };
}
