using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ventanilla.Data;
using Ventanilla.Hosting;
using Ventanilla.Messaging;

namespace Ventanilla.Channels.Email;

/// <summary>
/// Reads every enabled mailbox, each in a loop of its own so one failing never holds up another.
/// Where the server supports IMAP IDLE (RFC 2177) the connection stays open and new mail is
/// fetched the moment the server announces it; otherwise the mailbox is polled every PollSeconds.
/// Either way the same fetch pass stores each message once (<see cref="MailboxFetch"/>).
/// </summary>
public sealed class MailboxPoller(IServiceScopeFactory scopes, MailboxDirectory directory, InboxProcessor processor, IOptions<EmailOptions> options,
    IOptions<MessagingOptions> messaging, TimeProvider clock, ILogger<MailboxPoller> log)
    : PeriodicJob(clock, log)
{
    private static readonly TimeSpan MaxMailboxBackoff = TimeSpan.FromMinutes(15);

    // How often the set of mailboxes is read again, so one added in administration starts reading.
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(30);

    // Servers drop an IDLE after 30 minutes (RFC 2177); a short cycle also renews the lease and
    // catches anything an announcement missed.
    private static readonly TimeSpan LongestIdleCycle = TimeSpan.FromMinutes(1);

    private readonly Dictionary<int, Task> loops = [];

    /// <summary>This process's name in mailbox leases: unique even for two processes on one machine.</summary>
    internal string Node { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Runs after each message is stored and before it is marked seen; tests stop work there.</summary>
    internal Func<string, uint, CancellationToken, Task>? AfterStore { get; set; }

    protected override TimeSpan Interval => Refresh;

    protected override bool RunsInBackground => options.Value.RunInBackground;

    /// <summary>
    /// Reads the list of mailboxes and starts a loop for each one that has none running. The loops
    /// report their own errors on their mailbox (a wrong password is not this job failing); the job
    /// fails when the list cannot be read.
    /// </summary>
    protected override async Task RunPassAsync(CancellationToken ct)
    {
        foreach (var mailbox in await EnabledAsync(ct))
        {
            if (!loops.TryGetValue(mailbox.Id, out var loop) || loop.IsCompleted)
            {
                loops[mailbox.Id] = Task.Run(() => WatchAsync(mailbox.Id, ct), CancellationToken.None);
            }
        }
    }

    protected override Task StoppedAsync() => Task.WhenAll(loops.Values);

    /// <summary>One pass over every enabled mailbox, without idling; returns how many messages were newly stored.</summary>
    internal async Task<int> PollOnceAsync(CancellationToken ct)
    {
        var stored = 0;
        foreach (var mailbox in await EnabledAsync(ct))
        {
            try
            {
                stored += await SessionAsync(mailbox, idle: false, ct);
            }
            catch (Exception error) when (!ct.IsCancellationRequested)
            {
                await RecordErrorAsync(mailbox, error);
            }
        }

        return stored;
    }

    /// <summary>Reads one mailbox until stopped, disabled or removed: IDLE where offered, polling otherwise.</summary>
    internal async Task WatchAsync(int mailboxId, CancellationToken ct)
    {
        TimeSpan? backoff = null;
        try
        {
            while (!ct.IsCancellationRequested && await FindAsync(mailboxId, ct) is { } mailbox)
            {
                var interval = TimeSpan.FromSeconds(mailbox.Options.PollSeconds);
                try
                {
                    await SessionAsync(mailbox, idle: true, ct);
                    backoff = null;
                }
                catch (Exception error) when (!ct.IsCancellationRequested)
                {
                    // Wrong password or server away: wait twice as long each time, and show why meanwhile.
                    backoff = backoff is { } last ? (last * 2 > MaxMailboxBackoff ? MaxMailboxBackoff : last * 2) : interval;
                    await RecordErrorAsync(mailbox, error);
                }

                await Task.Delay(backoff ?? interval, Clock, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            await ReleaseAsync(mailboxId);
        }
    }

    private async Task<int> SessionAsync(ActiveMailbox mailbox, bool idle, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        if (!await LeaseAsync(db, mailbox, ct))
        {
            // Another node reads this mailbox now; it records the poll.
            return 0;
        }

        var imapSettings = mailbox.Options.Imap;
        if (imapSettings.Password.Length == 0)
        {
            throw new InvalidOperationException("La contraseña IMAP guardada no se puede leer en este servidor; vuelva a escribirla en Administración › Correo.");
        }

        using var imap = new ImapClient { Timeout = 60_000 };
        await imap.ConnectAsync(imapSettings.Host, imapSettings.Port, Socket(imapSettings.Security), ct);
        await imap.AuthenticateAsync(imapSettings.Username, imapSettings.Password, ct);
        var inbox = imap.Inbox;
        await inbox.OpenAsync(FolderAccess.ReadWrite, ct);
        var fetch = new MailboxFetch(db, mailbox.Address, Clock, AfterStore, processor.Wake);
        var stored = await fetch.RunAsync(inbox, ct);
        await MailboxLease.RecordPollAsync(db, mailbox.Id, Now(), ct);

        while (idle && imap.Capabilities.HasFlag(ImapCapabilities.Idle) && !ct.IsCancellationRequested)
        {
            await IdleAsync(imap, inbox, ct);
            if (!await LeaseAsync(db, mailbox, ct) || await ChangedAsync(db, mailbox, ct))
            {
                break;
            }

            stored += await fetch.RunAsync(inbox, ct);
            await MailboxLease.RecordPollAsync(db, mailbox.Id, Now(), ct);
        }

        await imap.DisconnectAsync(quit: true, ct);
        return stored;
    }

    /// <summary>
    /// How long one IDLE lasts before the lease is renewed: never longer than the claim lease, so a
    /// node that dies holding the mailbox leaves it to another within about two leases.
    /// </summary>
    internal TimeSpan IdleCycle => messaging.Value.ClaimLease < LongestIdleCycle ? messaging.Value.ClaimLease : LongestIdleCycle;

    // Waits until the server announces new mail, or the cycle ends.
    private async Task IdleAsync(ImapClient imap, IMailFolder inbox, CancellationToken ct)
    {
        using var done = CancellationTokenSource.CreateLinkedTokenSource(ct);
        done.CancelAfter(IdleCycle);
        void Arrived(object? sender, EventArgs e) => done.Cancel();
        inbox.CountChanged += Arrived;
        try
        {
            await imap.IdleAsync(done.Token, ct);
        }
        finally
        {
            inbox.CountChanged -= Arrived;
        }
    }

    // The lease outlives a poll interval (or an idle cycle) by one claim lease, so its holder keeps it
    // and a dead holder's mailbox waits at most that much longer than its next read would have.
    private async Task<bool> LeaseAsync(VentanillaDbContext db, ActiveMailbox mailbox, CancellationToken ct)
    {
        var now = Now();
        var hold = TimeSpan.FromSeconds(Math.Max(mailbox.Options.PollSeconds, IdleCycle.TotalSeconds)) + messaging.Value.ClaimLease;
        return await MailboxLease.TryTakeAsync(db, mailbox.Id, Node, now, now + hold, ct);
    }

    // An administrator changed or switched off the mailbox: reconnect with what is stored now.
    private static async Task<bool> ChangedAsync(VentanillaDbContext db, ActiveMailbox mailbox, CancellationToken ct) =>
        !await db.Mailboxes.AnyAsync(m => m.Id == mailbox.Id && m.Enabled && m.UpdatedAt == mailbox.UpdatedAt, ct);

    private async Task RecordErrorAsync(ActiveMailbox mailbox, Exception error)
    {
        log.LogWarning(error, "No se pudo leer el buzón {Mailbox}.", mailbox.Address);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        await MailboxLease.RecordErrorAsync(db, mailbox.Id, $"IMAP: {error.Message}", Now(), CancellationToken.None);
    }

    private async Task ReleaseAsync(int mailboxId)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await MailboxLease.ReleaseAsync(scope.ServiceProvider.GetRequiredService<VentanillaDbContext>(), mailboxId, Node, CancellationToken.None);
        }
        catch (Exception error)
        {
            // Not given back, it expires on its own.
            log.LogWarning(error, "No se pudo liberar el buzón {Id}.", mailboxId);
        }
    }

    private async Task<IReadOnlyList<ActiveMailbox>> EnabledAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await directory.EnabledAsync(scope.ServiceProvider.GetRequiredService<VentanillaDbContext>(), ct);
    }

    private async Task<ActiveMailbox?> FindAsync(int mailboxId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await directory.EnabledAsync(scope.ServiceProvider.GetRequiredService<VentanillaDbContext>(), mailboxId, ct);
    }

    private DateTime Now() => Clock.GetUtcNow().UtcDateTime;

    internal static SecureSocketOptions Socket(MailSecurity security) => security switch
    {
        MailSecurity.None => SecureSocketOptions.None,
        MailSecurity.StartTls => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.SslOnConnect,
    };
}
