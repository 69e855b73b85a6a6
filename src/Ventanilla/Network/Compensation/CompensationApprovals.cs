using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ventanilla.Data;
using Ventanilla.Messaging;
using Ventanilla.Tickets;

namespace Ventanilla.Network.Compensation;

/// <summary>
/// What follows an approval, written in the caller's transaction: the subscriber's notice in the
/// outbox and, when a billing webhook is set, its delivery row. The caller saves both with the line.
/// </summary>
public sealed class CompensationApprovals(VentanillaDbContext db, IOptions<CompensationOptions> options, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The event the subscriber's notice names: its WhatsApp template is configured under this name.</summary>
    public const string NoticeEvent = "compensation_approved";

    /// <summary>A supervisor approves a proposed line; the notice and the webhook go with it.</summary>
    public async Task<CompensationRefusal?> ApproveAsync(CompensationLine line, string byId, string byName, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (line.Approve(byId, byName, now) is { } refusal)
        {
            return refusal;
        }

        await AnnounceAsync([line], ct);
        return null;
    }

    /// <summary>Queues the notice and the webhook of lines just approved (their ids must be known: call after a first save).</summary>
    public async Task AnnounceAsync(IReadOnlyList<CompensationLine> approved, CancellationToken ct)
    {
        if (approved.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var line in approved)
        {
            var about = await AboutAsync(line, ct);
            if (await RecipientAsync(line, about.TicketChannel, ct) is { } to)
            {
                var body = NoticeText(line, about.Reference);
                // Named, so outside WhatsApp's 24-hour window the approved template WhatsApp:Templates:compensation_approved carries it.
                db.Outbox.Add(OutboxMessage.ToContact(to.Channel, to.Address, body, line.TicketId ?? about.TicketId, now)
                    .About(NoticeEvent, CompensationCalculator.Money(line.AmountMxn), $"{line.Units} {line.UnitName}", about.Reference));
            }

            if (!string.IsNullOrWhiteSpace(options.Value.WebhookUrl))
            {
                var payload = JsonSerializer.Serialize(CompensationLineResponse.Of(line, about.Reference), Json);
                db.Add(CompensationWebhook.For(line.Id, payload, now));
            }
        }
    }

    /// <summary>The words the subscriber reads, on any channel and on the portal.</summary>
    public static string NoticeText(CompensationLine line, string reference) => string.Create(CultureInfo.InvariantCulture,
        $"Se bonificarán {CompensationCalculator.Money(line.AmountMxn)} en tu próximo estado de cuenta por {line.Units} {line.UnitName} sin servicio ({reference}).");

    /// <summary>The outage's code or the folio the subscriber knows, and the ticket to thread the notice on.</summary>
    private async Task<(string Reference, long? TicketId, ContactChannel? TicketChannel)> AboutAsync(CompensationLine line, CancellationToken ct)
    {
        var ticket = await db.Tickets.AsNoTracking()
            .Where(t => line.TicketId != null ? t.Id == line.TicketId : t.OutageId == line.OutageId && t.ServiceId == line.ServiceId)
            .OrderBy(t => t.Id).Select(t => new { t.Id, t.Folio, t.Channel }).FirstOrDefaultAsync(ct);
        var outage = line.OutageId is { } id ? string.Create(CultureInfo.InvariantCulture, $"FM-{id:D6}") : null;
        var reference = (outage, ticket) switch
        {
            ({ } code, { } t) => $"{code}, folio {t.Folio}",
            ({ } code, null) => code,
            (null, { } t) => $"folio {t.Folio}",
            _ => "",
        };
        return (reference, ticket?.Id, ticket?.Channel);
    }

    /// <summary>The subscriber's own channel: the one they reported on when it can reach them, else WhatsApp, else email.</summary>
    private async Task<(ContactChannel Channel, string Address)?> RecipientAsync(CompensationLine line, ContactChannel? reportedOn, CancellationToken ct)
    {
        if (line.SubscriberId is not { } subscriberId)
        {
            return null;
        }

        var subscriber = await db.Subscribers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == subscriberId, ct);
        var whatsapp = subscriber?.WhatsAppIdentities.Select(w => w.WaId).FirstOrDefault(w => !string.IsNullOrEmpty(w));
        var email = subscriber?.Emails.Where(e => e.FailingSince is null).Select(e => e.Address).FirstOrDefault();
        if (reportedOn == ContactChannel.Email && email is not null)
        {
            return (ContactChannel.Email, email);
        }

        if (whatsapp is not null)
        {
            return (ContactChannel.Whatsapp, whatsapp);
        }

        return email is not null ? (ContactChannel.Email, email) : null;
    }
}
