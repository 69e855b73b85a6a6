using Ventanilla.Messaging.Notifications;

namespace Ventanilla.Network.Outages;

/// <summary>
/// The notification events an outage adds. They are templates like the ticket ones, edited at
/// /admin/plantillas, and their names name the approved WhatsApp templates sent outside the 24-hour window.
/// </summary>
public static class OutageEvents
{
    /// <summary>The receipt of a report that was linked to an outage at intake: the folio and the outage in one message.</summary>
    public const string ReceivedInOutage = "received_in_outage";
    public const string PlannedAhead = "outage_planned";
    public const string Declared = "outage_declared";
    public const string EstimateChanged = "outage_estimate_changed";
    public const string Restored = "outage_restored";

    /// <summary>The closing notice of a linked report once the outage is restored: "¿ya tienes servicio?".</summary>
    public const string ChildResolved = "outage_child_resolved";

    public static readonly IReadOnlyList<string> All = [ReceivedInOutage, PlannedAhead, Declared, EstimateChanged, Restored, ChildResolved];

    /// <summary>The placeholders only these templates fill.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["falla", "falla_titulo", "falla_inicio", "estimacion", "falla_causa"];

    public static string? Label(string eventName) => eventName switch
    {
        ReceivedInOutage => "Reporte recibido durante una falla masiva",
        PlannedAhead => "Falla masiva: mantenimiento programado",
        Declared => "Falla masiva: aviso de falla",
        EstimateChanged => "Falla masiva: nueva hora estimada",
        Restored => "Falla masiva: servicio restablecido",
        ChildResolved => "Falla masiva: ¿ya tienes servicio?",
        _ => null,
    };

    public static OutageNoticeEvent? NoticeEventOf(string eventName) => eventName switch
    {
        PlannedAhead => OutageNoticeEvent.PlannedAhead,
        Declared => OutageNoticeEvent.Declared,
        EstimateChanged => OutageNoticeEvent.EstimateChanged,
        Restored => OutageNoticeEvent.Restored,
        _ => null,
    };

    public static string EventOf(OutageNoticeEvent notice) => notice switch
    {
        OutageNoticeEvent.PlannedAhead => PlannedAhead,
        OutageNoticeEvent.Declared => Declared,
        OutageNoticeEvent.EstimateChanged => EstimateChanged,
        OutageNoticeEvent.Restored => Restored,
        _ => ChildResolved,
    };

    private const string Footer = "\n\nSi tienes dudas, comunícate con nosotros sin costo:\n{canales}";
    private const string FolioFooter = "\n\nPuedes consultar tu folio cuando quieras, sin costo:\n{canales}";

    /// <summary>The Spanish texts a fresh install starts with.</summary>
    public static TemplateTexts DefaultTexts(string eventName) => eventName switch
    {
        ReceivedInOutage => new(
            "[Folio {folio}] Recibimos tu {tipo}: hay una falla en tu zona",
            "Recibimos tu {tipo} y le asignamos el folio {folio}.\n\nHay una falla en tu zona ({falla}): {falla_titulo}. {estimacion}\n\nLigamos tu folio a esa falla: te avisaremos cuando se restablezca el servicio." + FolioFooter,
            "folio_recibido_falla", "es_MX", "folio,falla,falla_titulo,estimacion",
            "Recibimos tu {tipo}. Tu folio es {folio}. Hay una falla en tu zona ({falla}): {falla_titulo}. {estimacion}"),
        PlannedAhead => new(
            "[{falla}] Mantenimiento programado en tu zona",
            "Haremos un mantenimiento programado en la red que da servicio a tu domicilio ({falla}): {falla_titulo}.\n\nEmpieza el {falla_inicio}. {estimacion}\n\nDurante ese tiempo tu servicio puede interrumpirse; no necesitas reportarlo." + Footer,
            "falla_mantenimiento", "es_MX", "falla,falla_titulo,falla_inicio,estimacion",
            "Mantenimiento programado ({falla}): {falla_titulo}. Empieza el {falla_inicio}."),
        Declared => new(
            "[{falla}] Hay una falla en tu zona",
            "Hay una falla en tu zona ({falla}): {falla_titulo}. {estimacion}\n\nYa estamos trabajando en ella; no necesitas reportarla. Te avisaremos cuando se restablezca el servicio." + Footer,
            "falla_aviso", "es_MX", "falla,falla_titulo,estimacion",
            "Hay una falla en tu zona ({falla}): {falla_titulo}. {estimacion}"),
        EstimateChanged => new(
            "[{falla}] Nueva hora estimada",
            "Seguimos trabajando en la falla de tu zona ({falla}): {falla_titulo}. {estimacion}" + Footer,
            "falla_estimacion", "es_MX", "falla,falla_titulo,estimacion",
            "Falla en tu zona ({falla}): {estimacion}"),
        Restored => new(
            "[{falla}] Restablecimos el servicio",
            "Restablecimos el servicio de la falla en tu zona ({falla}): {falla_titulo}.\n\nSi tu servicio sigue fallando, repórtalo y lo revisaremos." + Footer,
            "falla_restablecida", "es_MX", "falla,falla_titulo",
            "Restablecimos el servicio de la falla en tu zona ({falla})."),
        ChildResolved => new(
            "[Folio {folio}] Restablecimos el servicio: ¿ya tienes servicio?",
            "Restablecimos el servicio de la falla en tu zona ({falla}), a la que ligamos tu folio {folio}.\n\nCausa: {causa}\nTu reporte fue {procedente}.\n\n¿Ya tienes servicio? Responde a este mensaje con «sí, ya funciona» para confirmarlo, o con «no, sigue igual» si sigue fallando: entonces seguiremos tu folio por separado." + FolioFooter,
            "falla_ya_tienes_servicio", "es_MX", "folio,falla,procedente",
            "Restablecimos el servicio de la falla {falla}. Causa: {causa}. ¿Ya tienes servicio?"),
        _ => throw new ArgumentOutOfRangeException(nameof(eventName), eventName, "No such notification event."),
    };
}
