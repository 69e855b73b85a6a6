using Ventanilla.Messaging.Outbox;
using Ventanilla.Tickets;

namespace Ventanilla.Channels.Phone;

/// <summary>
/// Whether a phone caller will get their receipt in writing. When no channel can carry it, the folio
/// the agent dictates is all the caller takes away, and the agent must know that before hanging up.
/// </summary>
public static class WrittenReceipt
{
    public const string NoAddress =
        "No hay correo ni WhatsApp del suscriptor: dicta el folio y pide que lo anote, porque no le llegará un acuse por escrito. Ofrécele registrar un correo o un WhatsApp.";

    public const string NotConnected =
        "Ningún canal conectado puede enviarle el acuse: dicta el folio y pide que lo anote, porque no le llegará un acuse por escrito mientras el canal siga sin conectarse.";

    /// <summary>What the agent must tell the caller, or null when at least one receipt is on its way.</summary>
    public static string? Warning(IReadOnlyList<(ContactChannel Channel, string Recipient)> receipts, ChannelReach reach) =>
        receipts.Count == 0 ? NoAddress
        : receipts.Any(r => reach.Reaches(r.Channel)) ? null
        : NotConnected;
}
