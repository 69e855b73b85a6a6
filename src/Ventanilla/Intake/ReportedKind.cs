using Ventanilla.Tickets;

namespace Ventanilla.Intake;

/// <summary>
/// The kind of a report that came as free text (an email), read from its words. A channel that asks
/// (the portal, the bot's menu, the phone desk) never guesses. Only a plain fault is recognised: a
/// subscriber who writes "no tengo internet" is reporting a failure, and as a fault the report takes
/// the 24-hour repair clock and counts toward an outage under its node. Anything else stays a query
/// for staff to classify, because a wrong guess about money or cancellation costs more than none.
/// </summary>
public static class ReportedKind
{
    private static readonly string[] FaultPhrases =
    [
        "sin internet", "sin servicio", "sin senal", "no tengo internet", "no tengo servicio", "no hay internet", "no hay servicio",
        "no tengo senal", "no hay senal", "no funciona el internet", "no funciona mi internet", "no funciona el servicio",
        "no navega", "no carga nada", "internet lento", "internet muy lento", "se cae el internet", "se corta el internet",
        "internet intermitente", "falla en el servicio", "falla de internet", "falla del internet", "luz roja", "modem no enciende",
    ];

    // Words that make a fault's words part of something else: a charge for days without service is a clarification.
    private static readonly string[] OtherMatters = ["cobr", "factur", "cancel", "reembols", "devoluc", "aclaraci", "queja"];

    public static TicketKind FromText(string? subject, string text)
    {
        var words = " " + Web.Text.Fold($"{subject} {text}") + " ";
        return FaultPhrases.Any(p => words.Contains(p, StringComparison.Ordinal)) && !OtherMatters.Any(w => words.Contains(w, StringComparison.Ordinal))
            ? TicketKind.Fault
            : TicketKind.Query;
    }
}
