using Microsoft.EntityFrameworkCore;
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
public sealed class AccessCodeSender(VentanillaDbContext db, ProviderDirectory provider,
    IOptions<PortalOptions> options, TimeProvider clock)
{
    public Task SendAsync(string? folioText, CancellationToken ct) =>
        ResponseFloor.RunAsync(TimeSpan.FromMilliseconds(options.Value.ProofFloorMilliseconds), () => SendNowAsync(folioText, ct), ct);

    private async Task SendNowAsync(string? folioText, CancellationToken ct)
    {
        if (!Folio.TryParse(folioText, out var folio))
        {
            return;
        }

        // The ticket and its subscriber's phones and emails in one read: the code goes where ownership is proven.
        var text = folio.Value.ToString();
        var ticket = await db.Tickets
            .Include(t => t.Subscriber).ThenInclude(s => s!.Phones)
            .Include(t => t.Subscriber).ThenInclude(s => s!.Emails)
            .FirstOrDefaultAsync(t => t.Folio == text, ct);
        if (ticket is null)
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
        if ((ticket.Contact.Email ?? ticket.Subscriber?.Emails.Select(e => e.Address).FirstOrDefault()) is { } email)
        {
            db.Outbox.Add(OutboxMessage.Queue(ticket, ContactChannel.Email, OutboxKind.Notification, email,
                $"[Folio {ticket.Folio}] Tu código de acceso", body, now).About("access_code", plain));
        }

        if ((ticket.Contact.Phone ?? ticket.Subscriber?.Phones.Select(p => p.Number).FirstOrDefault()) is { } phone)
        {
            db.Outbox.Add(OutboxMessage.Queue(ticket, ContactChannel.Whatsapp, OutboxKind.Notification, phone,
                null, body, now).About("access_code", plain));
        }

        await db.SaveChangesAsync(ct);
    }
}
