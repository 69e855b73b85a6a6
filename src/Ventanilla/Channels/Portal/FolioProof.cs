using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ventanilla.Data;
using Ventanilla.Subscribers;
using Ventanilla.Tickets;

namespace Ventanilla.Channels.Portal;

/// <summary>What a proof opened: nothing, the folio at some level, or nothing because of too many failures.</summary>
public sealed record ProofAnswer(OpenedFolio? Opened, bool TooManyFailures)
{
    public static readonly ProofAnswer Refused = new(null, false);
    public static readonly ProofAnswer Throttled = new(null, true);
}

/// <summary>
/// Decides whether someone may open a folio: the phone or email on the ticket (or on its subscriber)
/// opens its status, a one-time code we sent there opens all of it. Whatever fails (unknown folio,
/// wrong proof, spent code) fails the same way and after the same minimum time, so an answer never
/// tells that a folio exists; failures are counted per folio and per phone or email.
/// </summary>
public sealed class FolioProof(VentanillaDbContext db, ProofThrottle throttle, IOptions<PortalOptions> options, TimeProvider clock)
{
    public Task<ProofAnswer> CheckAsync(string? folioText, string? proofText, CancellationToken ct) =>
        ResponseFloor.RunAsync(TimeSpan.FromMilliseconds(options.Value.ProofFloorMilliseconds), () => CheckNowAsync(folioText, proofText, ct), ct);

    /// <summary>A code typed on a folio already opened by phone or email: it opens the rest.</summary>
    public Task<ProofAnswer> CheckCodeAsync(OpenedFolio opened, string folio, string? digits, CancellationToken ct) =>
        ResponseFloor.RunAsync(TimeSpan.FromMilliseconds(options.Value.ProofFloorMilliseconds), async () =>
        {
            var keys = ProofThrottle.KeysOf(folio, null);
            if (!await throttle.AllowsAsync(keys, ct))
            {
                return ProofAnswer.Throttled;
            }

            var code = digits?.Trim() ?? "";
            if (AccessCode.LooksLikeCode(code) && await UseCodeAsync(opened.TicketId, code, ct))
            {
                return new ProofAnswer(opened with { Access = PortalAccess.Full }, false);
            }

            await throttle.RecordFailureAsync(keys, ct);
            return ProofAnswer.Refused;
        }, ct);

    private async Task<ProofAnswer> CheckNowAsync(string? folioText, string? proofText, CancellationToken ct)
    {
        var keys = ProofThrottle.KeysOf(folioText, proofText);
        if (!await throttle.AllowsAsync(keys, ct))
        {
            return ProofAnswer.Throttled;
        }

        if (await OpensAsync(folioText, proofText?.Trim() ?? "", ct) is { } opened)
        {
            return new ProofAnswer(opened, false);
        }

        await throttle.RecordFailureAsync(keys, ct);
        return ProofAnswer.Refused;
    }

    private async Task<OpenedFolio?> OpensAsync(string? folioText, string proof, CancellationToken ct)
    {
        var owner = await FindAsync(folioText, ct);
        if (owner is null || proof.Length == 0)
        {
            return null;
        }

        if (AccessCode.LooksLikeCode(proof))
        {
            return await UseCodeAsync(owner.Id, proof, ct) ? new OpenedFolio(owner.Id, PortalAccess.Full) : null;
        }

        var phone = MexicanPhones.Normalize(proof);
        var email = EmailAddresses.Normalize(proof);
        var matches = (phone is not null && owner.Phones.Contains(phone)) || (email is not null && owner.Emails.Contains(email));
        return matches ? new OpenedFolio(owner.Id, PortalAccess.Status) : null;
    }

    private async Task<bool> UseCodeAsync(long ticketId, string digits, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var max = options.Value.CodeAttempts;
        // Only the newest code counts: asking for a new one retires the ones before it.
        var code = await db.PortalAccessCodes.Where(c => c.TicketId == ticketId)
            .OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        if (code is null || !code.IsUsable(now, max))
        {
            return false;
        }

        var used = code.TryUse(digits, now, max);
        await db.SaveChangesAsync(ct);
        return used;
    }

    /// <summary>A folio's ticket with every phone and email that proves its ownership.</summary>
    public async Task<Owner?> FindAsync(string? folioText, CancellationToken ct)
    {
        if (!Folio.TryParse(folioText, out var folio))
        {
            return null;
        }

        var text = folio.Value.ToString();
        var row = await db.Tickets.AsNoTracking().Where(t => t.Folio == text)
            .Select(t => new
            {
                t.Id,
                t.Contact.Phone,
                t.Contact.Email,
                Phones = t.Subscriber == null ? new List<string>() : t.Subscriber.Phones.Select(p => p.Number).ToList(),
                Emails = t.Subscriber == null ? new List<string>() : t.Subscriber.Emails.Select(e => e.Address).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }

        var phones = row.Phones.Append(row.Phone).OfType<string>().Distinct().ToArray();
        var emails = row.Emails.Append(row.Email).OfType<string>().Select(e => e.ToLowerInvariant()).Distinct().ToArray();
        return new Owner(row.Id, phones, emails);
    }

    public sealed record Owner(long Id, IReadOnlyList<string> Phones, IReadOnlyList<string> Emails);
}
