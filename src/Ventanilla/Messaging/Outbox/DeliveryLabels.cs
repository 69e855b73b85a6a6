using Ventanilla.Tickets;

namespace Ventanilla.Messaging.Outbox;

/// <summary>How a message's state reads in the console, with the reason that matters next to it.</summary>
public static class DeliveryLabels
{
    /// <summary>The state in a word, as the timeline and the outbox page show it.</summary>
    public static string Of(OutboxState state) => state switch
    {
        OutboxState.Pending => "pendiente de envío",
        OutboxState.Sent => "enviado",
        OutboxState.Delivered => "entregado",
        OutboxState.Read => "leído",
        OutboxState.Failed => "fallido",
        OutboxState.Withheld => "retenido",
        OutboxState.Sending => "enviándose",
        OutboxState.Uncertain => "incierto: pudo haberse enviado",
        _ => "cancelado",
    };

    /// <summary>
    /// Why it is where it is, or null when the word says it all. A pending message on a channel that
    /// is not connected will not go however long it waits, and says so instead of promising.
    /// </summary>
    public static string? Reason(Delivery d, ChannelReach reach) => d.State switch
    {
        OutboxState.Pending when !reach.Reaches(d.Channel) => d.Channel == ContactChannel.Email
            ? "el canal de correo no está conectado"
            : "el canal de WhatsApp no está conectado",
        OutboxState.Pending when d.Attempts > 0 => $"se reintentará; último error: {d.LastError}",
        OutboxState.Failed or OutboxState.Withheld or OutboxState.Uncertain => d.LastError ?? "sin motivo registrado",
        _ => null,
    };

    public static string Kind(OutboxKind kind) => kind switch
    {
        OutboxKind.Receipt => "Acuse de recibo",
        OutboxKind.Reply => "Respuesta",
        _ => "Aviso",
    };
}
