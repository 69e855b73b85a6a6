using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Messaging;

namespace Ventanilla.Tickets;

/// <summary>
/// An agent's answer to the subscriber, sent on the ticket's own channel when we can: email for
/// written channels, WhatsApp for phone and WhatsApp reports, and the other one when the first is
/// not known.
/// </summary>
public static class Replies
{
    /// <summary>
    /// Where a reply would go, or null when we have no email and no phone for the subscriber.
    /// <paramref name="whatsAppUser"/> is the WhatsApp user id of a sender who shares no phone
    /// number, the only way back to them.
    /// </summary>
    public static ReplyAddress? AddressFor(Ticket ticket, string? whatsAppUser = null) =>
        Address(ticket, whatsAppUser, whatsAppFirst: ticket.Channel is ContactChannel.Phone or ContactChannel.Whatsapp);

    /// <summary>
    /// Where a notice goes: the subscriber's channel of choice, WhatsApp when they reported on it,
    /// otherwise email, otherwise WhatsApp. A phone caller is sent the written notice by email
    /// when we have one, since they did not choose to write.
    /// </summary>
    public static ReplyAddress? NoticeAddressFor(Ticket ticket, string? whatsAppUser = null) =>
        Address(ticket, whatsAppUser, whatsAppFirst: ticket.Channel == ContactChannel.Whatsapp);

    /// <summary>The WhatsApp user id of the ticket's conversation, for a sender who shares no phone number.</summary>
    public static Task<string?> WhatsAppUserAsync(VentanillaDbContext db, long ticketId, CancellationToken ct) =>
        db.WhatsAppConversations.AsNoTracking().Where(c => c.TicketId == ticketId && c.UserId != null)
            .OrderByDescending(c => c.Id).Select(c => c.UserId).FirstOrDefaultAsync(ct);

    private static ReplyAddress? Address(Ticket ticket, string? whatsAppUser, bool whatsAppFirst)
    {
        var email = ticket.Contact.Email ?? ticket.Subscriber?.Emails.FirstOrDefault()?.Address;
        var phone = ticket.Contact.Phone ?? ticket.Subscriber?.Phones.FirstOrDefault()?.Number;
        var byEmail = email is null ? null : new ReplyAddress(ContactChannel.Email, email);
        // A phone can take a written answer only through WhatsApp.
        var byWhatsApp = (phone ?? whatsAppUser) is { } whatsApp ? new ReplyAddress(ContactChannel.Whatsapp, whatsApp) : null;
        return whatsAppFirst ? byWhatsApp ?? byEmail : byEmail ?? byWhatsApp;
    }

    /// <summary>
    /// Writes the reply on the timeline and queues it in the outbox, to be saved together; or
    /// returns null, changing nothing, when the subscriber cannot be reached.
    /// </summary>
    public static OutboxMessage? Send(Ticket ticket, string body, Actor actor, DateTime now, string? whatsAppUser = null)
    {
        if (AddressFor(ticket, whatsAppUser) is not { } address)
        {
            return null;
        }

        ticket.AddMessage(inbound: false, address.Channel, body, actor, now);
        var subject = address.Channel == ContactChannel.Email ? SubjectOf(ticket) : null;
        return OutboxMessage.Queue(ticket, address.Channel, OutboxKind.Reply, address.Recipient, subject, body, now);
    }

    public static string SubjectOf(Ticket ticket) =>
        $"[Folio {ticket.Folio}] Respuesta a tu {SpanishLabels.Of(ticket.Kind)}";
}

/// <summary>A channel able to carry a written reply, and the subscriber's address on it.</summary>
public sealed record ReplyAddress(ContactChannel Channel, string Recipient);
