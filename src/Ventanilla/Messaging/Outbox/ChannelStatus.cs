using Microsoft.EntityFrameworkCore;
using Ventanilla.Channels.WhatsApp;
using Ventanilla.Data;
using Ventanilla.Tickets;

namespace Ventanilla.Messaging.Outbox;

/// <summary>Which channels can carry a message right now: email needs an enabled mailbox that sends, WhatsApp a number and a token.</summary>
public sealed record ChannelReach(bool Email, bool WhatsApp)
{
    public bool Reaches(ContactChannel channel) => channel switch
    {
        ContactChannel.Email => Email,
        ContactChannel.Whatsapp => WhatsApp,
        _ => false,
    };
}

/// <summary>The channels' reach and the channels whose messages wait with nobody to send them.</summary>
public sealed record DeliveryOverview(ChannelReach Reach, IReadOnlyList<ContactChannel> Stranded);

/// <summary>
/// Answers whether each channel is connected and where messages are stranded. The console layout
/// asks on every page, so the answer is kept a few seconds; a change made here (a mailbox saved, a
/// message cancelled) forgets it at once.
/// </summary>
public sealed class ChannelStatus(IServiceScopeFactory scopes, WhatsAppDirectory whatsApp, TimeProvider clock)
{
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(5);
    private volatile Cached? cached;

    public async Task<ChannelReach> ReachAsync(VentanillaDbContext db, CancellationToken ct) =>
        new(await db.Mailboxes.AnyAsync(m => m.Enabled && m.Smtp.Host != "", ct), whatsApp.Current.CanSend);

    public async Task<DeliveryOverview> OverviewAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (cached is { } known && now - known.At < Fresh)
        {
            return known.Overview;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        var reach = await ReachAsync(db, ct);
        var stranded = new List<ContactChannel>();
        foreach (var channel in new[] { ContactChannel.Email, ContactChannel.Whatsapp }.Where(c => !reach.Reaches(c)))
        {
            // An existence test on the (State, Channel, NextAttemptAt) index: cheap however long the queue.
            if (await db.Outbox.AnyAsync(m => m.State == OutboxState.Pending && m.Channel == channel, ct))
            {
                stranded.Add(channel);
            }
        }

        var overview = new DeliveryOverview(reach, stranded);
        cached = new Cached(overview, now);
        return overview;
    }

    /// <summary>Drops the kept answer, after a change that alters it.</summary>
    public void Forget() => cached = null;

    private sealed record Cached(DeliveryOverview Overview, DateTimeOffset At);
}
