using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ventanilla.Channels.WhatsApp;
using Ventanilla.Data;
using Ventanilla.Messaging;
using Ventanilla.Provider;
using Ventanilla.Tickets;

namespace Ventanilla.Channels.Portal;

/// <summary>
/// Sends a one-time code to the email and the WhatsApp on a ticket, through the outbox like every
/// other message, and only on the channels that can carry it now. Asked for by folio alone, the
/// caller is told the same thing whether the folio exists or not, after the same minimum time;
/// asked for on a folio already opened by phone or email, it says where the code went.
/// </summary>
public sealed class AccessCodeSender(VentanillaDbContext db, ProviderDirectory provider, WhatsAppDirectory whatsApp,
    IOptions<PortalOptions> options, TimeProvider clock)
{
    public Task SendAsync(string? folioText, CancellationToken ct) =>
        ResponseFloor.RunAsync(TimeSpan.FromMilliseconds(options.Value.ProofFloorMilliseconds), async () =>
        {
            if (await TicketAsync(folioText, ct) is { } ticket)
            {
                await IssueAsync(ticket, ct);
            }
        }, ct);

    /// <summary>
    /// A code for the folio this browser opened by phone or email; answers where it went, in part
    /// ("tu correo a••••••@example.mx"), or nothing when no channel can carry it.
    /// </summary>
    public async Task<IReadOnlyList<string>> SendToAsync(long ticketId, CancellationToken ct)
    {
        var ticket = await WithContactsAsync().FirstOrDefaultAsync(t => t.Id == ticketId, ct);
        return ticket is null ? [] : await IssueAsync(ticket, ct);
    }

    /// <summary>Where a code for this ticket could go now, in part; empty when nowhere.</summary>
    public async Task<IReadOnlyList<string>> DestinationsAsync(long ticketId, CancellationToken ct)
    {
        var ticket = await WithContactsAsync().AsNoTracking().FirstOrDefaultAsync(t => t.Id == ticketId, ct);
        return ticket is null ? [] : Describe(await ReachableAsync(ticket, ct));
    }

    private async Task<Ticket?> TicketAsync(string? folioText, CancellationToken ct)
    {
        if (!Folio.TryParse(folioText, out var folio))
        {
            return null;
        }

        var text = folio.Value.ToString();
        return await WithContactsAsync().FirstOrDefaultAsync(t => t.Folio == text, ct);
    }

    // The ticket and its subscriber's phones and emails in one read: the code goes where ownership is proven.
    private IQueryable<Ticket> WithContactsAsync() => db.Tickets
        .Include(t => t.Subscriber).ThenInclude(s => s!.Phones)
        .Include(t => t.Subscriber).ThenInclude(s => s!.Emails);

    private async Task<IReadOnlyList<string>> IssueAsync(Ticket ticket, CancellationToken ct)
    {
        var (email, phone) = await ReachableAsync(ticket, ct);
        if (email is null && phone is null)
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var minutes = options.Value.CodeMinutes;
        // The codes still waiting to go are worthless once this one exists: only the newest code opens.
        await AccessCodeMessages.RetireAsync(db, ticket.Id, now, TimeSpan.FromMinutes(minutes), ct);
        var (code, plain) = AccessCode.Issue(ticket.Id, now, TimeSpan.FromMinutes(minutes));
        db.PortalAccessCodes.Add(code);
        var body = $"{provider.Current.Name}: tu código para consultar el folio {ticket.Folio} en el portal es {plain}. "
            + $"Vence en {minutes} minutos. Si no lo pediste, ignora este mensaje; nadie de {provider.Current.Name} te lo pedirá.";
        if (email is not null)
        {
            db.Outbox.Add(OutboxMessage.Queue(ticket, ContactChannel.Email, OutboxKind.Notification, email,
                $"[Folio {ticket.Folio}] Tu código de acceso", body, now).About(OutboxMessage.OneTimeCodeEvent, plain));
        }

        if (phone is not null)
        {
            db.Outbox.Add(OutboxMessage.Queue(ticket, ContactChannel.Whatsapp, OutboxKind.Notification, phone,
                null, body, now).About(OutboxMessage.OneTimeCodeEvent, plain));
        }

        await db.SaveChangesAsync(ct);
        return Describe((email, phone));
    }

    /// <summary>The ticket's email and phone that a connected channel can reach (its own contact first, its subscriber's otherwise).</summary>
    private async Task<(string? Email, string? Phone)> ReachableAsync(Ticket ticket, CancellationToken ct)
    {
        var email = ticket.Contact.Email ?? ticket.Subscriber?.Emails.Select(e => e.Address).FirstOrDefault();
        var phone = ticket.Contact.Phone ?? ticket.Subscriber?.Phones.Select(p => p.Number).FirstOrDefault();
        var mailConnected = email is not null && await db.Mailboxes.AnyAsync(m => m.Enabled && m.Smtp.Host != "", ct);
        return (mailConnected ? email : null, whatsApp.Current.CanSend ? phone : null);
    }

    private static IReadOnlyList<string> Describe((string? Email, string? Phone) to) =>
    [
        .. to.Email is { } email ? [$"tu correo {Masked.Email(email)}"] : Array.Empty<string>(),
        .. to.Phone is { } phone ? [$"tu WhatsApp {Masked.Phone(phone)}"] : Array.Empty<string>(),
    ];
}
