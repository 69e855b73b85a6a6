using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ventanilla.Data;
using Ventanilla.Hosting;
using Ventanilla.Messaging;

namespace Ventanilla.Channels.Portal;

/// <summary>
/// Codes that never left: once a code has expired, or a newer one replaced it, the message that
/// carries it is withheld and its code masked, so an outbox that cannot send keeps no usable code.
/// </summary>
public static class AccessCodeMessages
{
    public const string Expired = "El código de acceso venció antes de enviarse.";
    public const string Replaced = "Se pidió un código de acceso nuevo antes de enviar este.";

    /// <summary>Retires every expired code message, and every waiting one of <paramref name="ticketId"/> when given.</summary>
    public static async Task<int> RetireAsync(VentanillaDbContext db, long? ticketId, DateTime now, TimeSpan lifetime, CancellationToken ct)
    {
        var expiredBefore = now - lifetime;
        var waiting = await db.Outbox
            .Where(m => m.State == OutboxState.Pending && m.Event == OutboxMessage.OneTimeCodeEvent
                && (m.CreatedAt <= expiredBefore || (ticketId != null && m.TicketId == ticketId)))
            .ToListAsync(ct);
        foreach (var message in waiting)
        {
            message.Retire(message.CreatedAt <= expiredBefore ? Expired : Replaced, now);
        }

        return waiting.Count;
    }
}

/// <summary>Every minute, retires the code messages that expired unsent (a channel down, a number without WhatsApp).</summary>
public sealed class ExpiredCodeSweeper(IServiceScopeFactory scopes, IOptions<PortalOptions> options, TimeProvider clock, ILogger<ExpiredCodeSweeper> log)
    : PeriodicJob(clock, log)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override bool RunsInBackground => options.Value.RunInBackground;

    protected override Task RunPassAsync(CancellationToken ct) => SweepAsync(ct);

    /// <summary>One pass; answers how many messages it retired.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        var retired = await AccessCodeMessages.RetireAsync(db, null, Clock.GetUtcNow().UtcDateTime, TimeSpan.FromMinutes(options.Value.CodeMinutes), ct);
        await db.SaveChangesAsync(ct);
        return retired;
    }
}
