using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Attachments;
using Ventanilla.Data;
using Ventanilla.Messaging;
using Ventanilla.Tickets;

namespace Ventanilla.Channels.Email;

/// <summary>What a bounce of our own mail changes: the ticket says so, the sent message failed, and the address is marked.</summary>
internal static class Bounces
{
    /// <summary>
    /// The report itself, as the mail server sent it, filed on the ticket as evidence. It is our
    /// system's record, not a subscriber's upload, so the subscribers' type policy does not apply.
    /// </summary>
    public static async Task<TicketAttachment> KeepReportAsync(AttachmentStore store, Ticket ticket, InboundMessage row, DateTime now, CancellationToken ct)
    {
        using var raw = new MemoryStream(row.Raw);
        var stored = await store.SaveAsync(raw, long.MaxValue, ct)
            ?? throw new InvalidOperationException("The store refused a report with no size limit.");
        var name = string.Create(CultureInfo.InvariantCulture, $"rebote-{now:yyyyMMdd-HHmmss}.eml");
        return ticket.Attach(name, "message/rfc822", stored, ContactChannel.Email, Actor.System, now);
    }

    /// <summary>The message of ours the report names, when it names one we still have.</summary>
    public static async Task<OutboxMessage?> OriginalAsync(VentanillaDbContext db, MailVerdict verdict, CancellationToken ct) =>
        verdict.OriginalMessageId is { } id ? await db.Outbox.FirstOrDefaultAsync(m => m.MessageId == id, ct) : null;

    public static async Task ApplyAsync(VentanillaDbContext db, MailVerdict verdict, OutboxMessage? original, Ticket? ticket, DateTime now, CancellationToken ct)
    {
        var recipient = verdict.FailedRecipient ?? original?.Recipient;
        // A report that the message we sent never arrived: the same as a channel's report of failure.
        original?.Advance(OutboxState.Failed, $"Rebotó: el servidor de {recipient ?? "destino"} no lo entregó.", now);
        ticket?.RecordDeliveryFailure(ContactChannel.Email, recipient ?? "la dirección del suscriptor",
            "el servidor de destino devolvió el correo (rebote); el reporte quedó guardado con el folio.", now);
        if (recipient?.Trim().ToLowerInvariant() is not { Length: > 0 } address)
        {
            return;
        }

        // Every subscriber with that address: a shared family address bounces for all of them.
        var owners = await db.Subscribers.Where(s => s.Emails.Any(e => e.Address == address)).ToListAsync(ct);
        foreach (var owner in owners)
        {
            owner.MarkEmailFailing(address, now);
        }
    }
}
