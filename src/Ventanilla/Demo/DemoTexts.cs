using Ventanilla.Tickets;

namespace Ventanilla.Demo;

/// <summary>What subscribers write and what staff answer, in the words a Mexican provider hears every day.</summary>
internal static class DemoTexts
{
    public static (string Subject, string Description)[] Reports(TicketKind kind) => kind switch
    {
        TicketKind.Fault =>
        [
            ("Sin servicio de internet", "Desde la mañana no tengo internet. El módem tiene la luz roja encendida (LOS) y ya lo reinicié dos veces."),
            ("Internet muy lento por las noches", "Tengo contratado el plan Hogar 50 y en las noches las pruebas de velocidad marcan menos de 5 megas."),
            ("El internet se corta a cada rato", "Se corta cada 10 o 15 minutos y regresa solo. Trabajo desde casa y las videollamadas se caen."),
            ("El módem no enciende", "Después del apagón de anoche el módem ya no prende. Revisé el contacto y el eliminador, y nada."),
            ("Sin señal desde la lluvia", "Desde la tormenta de ayer en la tarde no hay internet. Los vecinos de la cuadra tampoco tienen."),
            ("Cable caído frente a la casa", "Un camión de carga se llevó el cable y quedó colgando frente a mi casa. Desde entonces no hay servicio."),
            ("Conectado al WiFi pero no abre nada", "Los teléfonos se conectan al WiFi pero no abre ninguna página ni las aplicaciones."),
            ("Falla en la televisión por internet", "La tele se congela cada rato y luego dice que no hay conexión; la computadora también va lenta."),
        ],
        TicketKind.Query =>
        [
            ("¿Tienen cobertura en mi colonia?", "Me voy a cambiar de casa y quiero saber si tienen cobertura y en cuánto tiempo instalan."),
            ("Cambio a un plan de más velocidad", "¿Puedo cambiarme al plan Hogar 100? ¿Cuánto cuesta y si tengo que pagar instalación otra vez?"),
            ("Fecha límite de pago", "¿Cuál es mi fecha límite de pago y en qué tiendas puedo pagar en efectivo?"),
        ],
        TicketKind.Doubt =>
        [
            ("¿Cómo cambio la contraseña del WiFi?", "Quiero cambiar el nombre y la contraseña de mi red porque los vecinos se están colgando."),
            ("Duda sobre el recibo", "En el recibo viene un renglón que dice «ajuste por redondeo»; ¿qué es?"),
        ],
        TicketKind.Clarification =>
        [
            ("Cobro duplicado en mi recibo", "En el recibo de este mes me cobraron dos veces la mensualidad. Pagué en OXXO el día 5."),
            ("Cargo por reconexión que no reconozco", "Aparece un cargo de $150 por reconexión, pero nunca me suspendieron el servicio."),
            ("Me cobraron el plan anterior", "Desde el mes pasado cambié a Hogar 20 y me siguen cobrando el precio de Hogar 50."),
        ],
        TicketKind.Complaint =>
        [
            ("El técnico no se presentó", "Me dijeron que vendrían el martes entre 9 y 2 y nadie llegó; perdí el día esperando."),
            ("Mala atención por teléfono", "Llamé tres veces, me tuvieron en espera más de 20 minutos y me colgaron."),
            ("Llevo una semana sin solución", "Reporté la falla hace una semana, me dieron folio y nadie me ha dicho nada."),
        ],
        TicketKind.Suggestion =>
        [
            ("Pagar por transferencia", "Sería muy útil poder pagar por transferencia SPEI con una referencia, sin ir a la tienda."),
            ("Avisos de mantenimiento", "Estaría bien que avisaran por WhatsApp cuando van a hacer trabajos en la red de la colonia."),
        ],
        TicketKind.Cancellation =>
        [
            ("Cancelación por cambio de domicilio", "Me mudo a Aguascalientes y allá no tienen cobertura; quiero cancelar el servicio a fin de mes."),
            ("Quiero cancelar el servicio", "Ya contraté otra compañía. ¿Qué necesito para cancelar y cuándo recogen el módem?"),
        ],
        _ =>
        [
            ("Cambio de titular del contrato", "El contrato está a nombre de mi papá, que falleció; quiero ponerlo a mi nombre."),
            ("Solicitud de factura", "Necesito factura de los últimos tres meses con mi RFC para la empresa."),
        ],
    };

    public static readonly (string Cause, string Correction, bool Upheld)[] FaultResolutions =
    [
        ("Fibra dañada en el poste", "Se reemplazó el tramo de fibra dañado y se fusionó en la caja de distribución.", true),
        ("Conector óptico sucio en la roseta", "Se limpió y se cambió el conector; la potencia óptica quedó en -19 dBm.", true),
        ("Módem dañado por variación de voltaje", "Se cambió el módem y se configuró de nuevo la red WiFi del suscriptor.", true),
        ("Falla en la tarjeta de la OLT del nodo", "Se reinició la tarjeta PON afectada y se restableció el servicio a todo el sector.", true),
        ("Saturación del enlace del sector en horario nocturno", "Se amplió la capacidad del enlace del nodo; las pruebas marcan la velocidad contratada.", true),
        ("Acometida cortada por terceros", "Se tendió una acometida nueva desde el poste y se fijó a la fachada.", true),
        ("Router propio del suscriptor mal configurado", "Se conectó el equipo directo al módem: el servicio de la red funciona bien. Se orientó al suscriptor.", false),
        ("Servicio suspendido por falta de pago", "Se explicó la suspensión; el servicio se reactivó al registrarse el pago.", false),
    ];

    public static (string Cause, string Correction, bool Upheld)[] AreaResolutions(TicketKind kind) => kind switch
    {
        TicketKind.Clarification =>
        [
            ("Cargo duplicado por un error en el corte de facturación", "Se aplicó una nota de crédito por el cargo duplicado en el siguiente recibo.", true),
            ("El cargo corresponde a la reconexión tras una suspensión por adeudo", "Se explicó el cargo y se envió el detalle de pagos por correo.", false),
        ],
        TicketKind.Complaint =>
        [
            ("Error al programar la cuadrilla", "Se reprogramó la visita con prioridad y se bonificaron tres días de servicio.", true),
            ("Tiempo de espera alto en el centro de atención", "Se ofreció una disculpa y se dio seguimiento directo por WhatsApp.", true),
        ],
        TicketKind.Cancellation =>
        [
            ("Solicitud de cancelación de un contrato sin plazo forzoso", "Se dio folio de cancelación sin penalización y se programó el retiro del módem.", true),
        ],
        _ =>
        [
            ("Trámite administrativo del contrato", "Se recibieron los documentos y se actualizó el contrato.", true),
        ],
    };

    /// <summary>The answer to each query, doubt and suggestion, by subject: these need no technical work.</summary>
    public static readonly IReadOnlyDictionary<string, string> Replies = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["¿Tienen cobertura en mi colonia?"] = "Sí tenemos cobertura en esa colonia. La instalación es sin costo y se agenda en 3 a 5 días hábiles.",
        ["Cambio a un plan de más velocidad"] = "Puedes cambiar a Hogar 100 por $599 al mes, sin pagar instalación; el cambio se aplica en tu siguiente corte.",
        ["Fecha límite de pago"] = "Tu fecha límite de pago es el día 10 de cada mes. Puedes pagar en OXXO, en bancos o en www.netmas.mx.",
        ["¿Cómo cambio la contraseña del WiFi?"] = "Entra a 192.168.1.1 desde un equipo conectado, usa el usuario y la clave de la etiqueta del módem y cambia la red en «WLAN».",
        ["Duda sobre el recibo"] = "El ajuste por redondeo son centavos que se suman o restan para que el total quede en pesos cerrados.",
        ["Pagar por transferencia"] = "Gracias por la sugerencia: ya la turnamos a la dirección comercial para evaluarla.",
        ["Avisos de mantenimiento"] = "Gracias por la sugerencia: ya la turnamos al área técnica para avisar por WhatsApp de los trabajos programados.",
    };

    public static string[] Notes(TicketKind kind) => kind == TicketKind.Fault
        ?
        [
            "En el monitoreo el módem aparece desconectado desde las 07:12.",
            "Hay otros reportes en la misma calle; puede ser una falla del sector.",
            "Potencia óptica en la OLT: -27 dBm, fuera de rango.",
            "Prefiere que le llamen después de las 6 de la tarde.",
        ]
        :
        [
            "El suscriptor está al corriente en sus pagos.",
            "Prefiere que le llamen después de las 6 de la tarde.",
            "Se revisó el historial de pagos de los últimos seis meses.",
        ];

    public static string FollowUp(TicketKind kind) =>
        kind == TicketKind.Fault ? "Sigo sin servicio, ¿a qué hora vienen?" : "¿Tienen alguna novedad de mi reporte?";

    /// <summary>What staff ask the subscriber for: the reason on the timeline, the request sent, and the reply.</summary>
    public static (string Reason, string Request, string Reply)[] Waits(TicketKind kind) => kind switch
    {
        TicketKind.Fault =>
        [
            ("Se pidió al suscriptor reiniciar el módem y confirmar si enciende la luz PON.",
                "¿Podrías desconectar el módem 30 segundos, conectarlo de nuevo y decirnos si enciende la luz PON?",
                "Ya lo reinicié y sigue igual, la luz roja sigue encendida."),
            ("Se pidió al suscriptor una foto de las luces del módem.",
                "¿Nos puedes mandar una foto de las luces del módem?",
                "Les mando la foto, la luz LOS está en rojo."),
            ("Se pidió al suscriptor un horario para la visita.",
                "¿En qué horario podemos visitarte esta semana?",
                "Mañana estoy todo el día, de preferencia en la mañana."),
        ],
        TicketKind.Clarification =>
        [
            ("Se pidió al suscriptor una foto del recibo y del comprobante de pago.",
                "¿Nos compartes una foto de tu recibo y del comprobante de pago?",
                "Ahí les mando las fotos del recibo y del ticket de OXXO."),
        ],
        _ =>
        [
            ("Se pidió al suscriptor confirmar su número de contrato.",
                "¿Nos confirmas tu nombre completo y tu número de contrato?",
                "Claro, el contrato viene en mi recibo; se los mando en un momento."),
        ],
    };

    /// <summary>Why a closed report comes back: what the subscriber wrote and the reason on the timeline.</summary>
    public static (string Message, string Reason)[] Reopens(TicketKind kind) => kind == TicketKind.Fault
        ?
        [
            ("Otra vez se fue el internet, igual que la semana pasada.", "El suscriptor reporta que la falla volvió."),
            ("La velocidad sigue muy baja en las noches.", "El suscriptor dice que la velocidad sigue baja por las noches."),
        ]
        :
        [
            ("En el recibo nuevo sigue apareciendo el cargo.", "El suscriptor indica que el ajuste no se reflejó en su recibo."),
        ];

    public static readonly string[] CancelReasons =
    [
        "Reporte duplicado: el suscriptor ya tenía un folio abierto por lo mismo.",
        "El suscriptor retiró su reporte: ya no lo necesita.",
        "Mensaje sin relación con el servicio.",
    ];
}
