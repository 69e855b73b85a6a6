using System.Diagnostics;
using Microsoft.Extensions.Options;
using Ventanilla.Channels;
using Ventanilla.Data;
using Ventanilla.Provider;
using Ventanilla.Tickets;

namespace Ventanilla.Portal;

/// <summary>
/// Sends a one-time code to the email and the WhatsApp on a ticket, through the outbox like every
/// other message. Whether the folio exists or not, the caller is told the same thing after the
/// same minimum time.
/// </summary>
public sealed class AccessCodeSender(VentanillaDbContext db, FolioProof proof, ProviderDirectory provider,
    IOptions<PortalOptions> options, TimeProvider clock)
{
    public async Task SendAsync(string? folioText, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await SendNowAsync(folioText, ct);
        var left = TimeSpan.FromMilliseconds(options.Value.ProofFloorMilliseconds) - Stopwatch.GetElapsedTime(started);
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left, ct);
        }
    }

    private async Task SendNowAsync(string? folioText, CancellationToken ct)
    {
        if (await proof.FindAsync(folioText, ct) is not { } owner || await db.Tickets.FindAsync([owner.Id], ct) is not { } ticket)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var minutes = options.Value.CodeMinutes;
        var (code, plain) = AccessCode.Issue(ticket.Id, now, TimeSpan.FromMinutes(minutes));
        db.PortalAccessCodes.Add(code);
        var body = $"{provider.Current.Name}: tu código para consultar el folio {ticket.Folio} en el portal es {plain}. "
            + $"Vence en {minutes} minutos. Si no lo pediste, ignora este mensaje; nadie de {provider.Current.Name} te lo pedirá.";
        // The ticket's own contact first, as given with the report; the subscriber record otherwise.
        if ((ticket.Contact.Email ?? (owner.Emails.Count > 0 ? owner.Emails[0] : null)) is { } email)
        {
            db.Outbox.Add(OutboxMessage.Queue(ticket, ContactChannel.Email, OutboxKind.Notification, email,
                $"[Folio {ticket.Folio}] Tu código de acceso", body, now).About("access_code", plain));
        }

        if ((ticket.Contact.Phone ?? (owner.Phones.Count > 0 ? owner.Phones[0] : null)) is { } phone)
        {
            db.Outbox.Add(OutboxMessage.Queue(ticket, ContactChannel.Whatsapp, OutboxKind.Notification, phone,
                null, body, now).About("access_code", plain));
        }

        await db.SaveChangesAsync(ct);
    }
}
