using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Data;
using Ventanilla.Messaging;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests;

/// <summary>
/// The real service in a process of its own, reading the real Dovecot in the background, killed
/// outright (no shutdown, no finally blocks) in the middle of a batch, twice; then restarted.
/// </summary>
[Collection(DovecotMailboxes.Name)]
public class EmailCrashTests
{
    private const int Messages = 150;

    private static string? lastError;

    [Theory, BothDatabases]
    public async Task Killing_the_process_mid_batch_loses_no_message_and_duplicates_none_on_restart(DatabaseKind kind)
    {
        var mail = await TestMailServer.MailboxAsync("contacto@netmas.mx");
        await using var database = await TestDatabase.CreateAsync(kind);
        var storage = Path.Combine(Path.GetTempPath(), "ventanilla-files-" + Guid.NewGuid().ToString("N"));
        var subjects = Enumerable.Range(1, Messages).Select(i => $"Falla número {i}").ToList();
        await mail.AppendManyAsync(subjects.Select(s => EmailMessages.From($"cliente{s.Split(' ')[^1]}@example.com", s, $"Reporte: {s}.")));
        var settings = new Dictionary<string, string?>(mail.Settings())
        {
            ["Email:RunInBackground"] = "true",
            ["Email:Mailboxes:0:PollSeconds"] = "1",
        };

        // First kill: while messages are still being fetched and stored.
        var stored = await RunUntilKilledAsync(database, storage, settings, db => db.Inbox.CountAsync(), atLeast: Messages / 5);
        // The dead process still holds the mailbox's lease for minutes; end it for whatever clock reads it next.
        await ReleaseLeaseAsync(database);
        // Second kill: while stored messages are being turned into tickets.
        var processed = await RunUntilKilledAsync(database, storage, settings,
            db => db.Inbox.CountAsync(m => m.State == InboundState.Processed), atLeast: Messages / 2);

        // Both kills landed mid-batch, or this test proves nothing.
        Assert.InRange(stored.Seen, Messages / 5, Messages - 1);
        Assert.InRange(processed.Seen, Messages / 2, Messages - 1);

        settings["Email:RunInBackground"] = "false";
        await using var app = VentanillaApp.StartOn(database, settings, storage);
        // The killed worker's claims are held for the lease; let them run out now.
        var longAgo = app.Now - app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<MessagingOptions>>().Value.ClaimLease - TimeSpan.FromMinutes(1);
        await app.WithDbAsync(db => db.Inbox.Where(m => m.State == InboundState.Processing)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.ClaimedAt, longAgo)));
        await ReleaseLeaseAsync(database);
        await EmailMessages.PassAsync(app);

        var inbox = await app.WithDbAsync(db => db.Inbox.AsNoTracking().Select(m => new { m.ExternalId, m.State, m.TicketId }).ToListAsync());
        Assert.Equal(Messages, inbox.Count);
        Assert.Equal(Messages, inbox.Select(m => m.ExternalId).Distinct().Count());
        Assert.All(inbox, m => Assert.Equal(InboundState.Processed, m.State));
        Assert.Equal(Messages, inbox.Select(m => m.TicketId).Distinct().Count());
        var tickets = await app.WithDbAsync(db => db.Tickets.Select(t => t.Subject).ToListAsync());
        Assert.Equal(subjects.Order(), tickets.Order());
        var acknowledgements = await app.WithDbAsync(db => db.Outbox.Where(m => m.Channel == ContactChannel.Email && m.Kind == OutboxKind.Receipt)
            .GroupBy(m => m.TicketId).Select(g => g.Count()).ToListAsync());
        Assert.Equal(Messages, acknowledgements.Count);
        Assert.All(acknowledgements, count => Assert.Equal(1, count));
        Assert.Equal(0, await mail.UnseenCountAsync());
    }

    /// <summary>Starts the service as its own process, kills it once the count reaches <paramref name="atLeast"/>, and says what it saw then.</summary>
    private static async Task<(int Seen, string Log)> RunUntilKilledAsync(TestDatabase database, string storage,
        Dictionary<string, string?> settings, Func<VentanillaDbContext, Task<int>> count, int atLeast)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Ventanilla.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Database__Provider"] = database.Kind.ToString();
        start.Environment["Database__ConnectionString"] = database.ConnectionString;
        start.Environment["Storage__Path"] = storage;
        start.Environment["Bootstrap__AdminPassword"] = "Admin-Password-123";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => log.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => log.Enqueue(e.Data ?? "");
        Assert.True(process.Start());
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var waited = Stopwatch.StartNew();
        try
        {
            while (true)
            {
                Assert.False(process.HasExited, "The service stopped on its own:\n" + string.Join('\n', log));
                Assert.True(waited.Elapsed < TimeSpan.FromSeconds(40), $"The service did not get that far in time (last seen {await CountAsync(database, count)}, {lastError}):\n" + string.Join('\n', log));
                var seen = await CountAsync(database, count);
                if (seen >= atLeast)
                {
                    // SIGKILL: nothing of the service runs after this line.
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                    return (await CountAsync(database, count), string.Join('\n', log));
                }

                await Task.Delay(5);
            }
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task ReleaseLeaseAsync(TestDatabase database)
    {
        await using var db = database.OpenContext();
        await db.Mailboxes.ExecuteUpdateAsync(set => set.SetProperty(m => m.LeaseUntil, DateTime.UnixEpoch));
    }

    // Zero until the service has created its tables and seeded its mailbox.
    private static async Task<int> CountAsync(TestDatabase database, Func<VentanillaDbContext, Task<int>> count)
    {
        await using var db = database.OpenContext();
        try
        {
            return await db.Mailboxes.AnyAsync() ? await count(db) : 0;
        }
        catch (System.Data.Common.DbException error)
        {
            lastError = error.Message;
            return 0;
        }
    }
}

/// <summary>Work stopped at a chosen point inside a pass: after a message is stored, before it is marked seen.</summary>
[Collection(DovecotMailboxes.Name)]
public class EmailInterruptionTests
{
    [Theory, BothDatabases]
    public async Task Stopping_between_store_and_seen_fetches_that_message_again_and_stores_it_once(DatabaseKind database)
    {
        var mail = await TestMailServer.MailboxAsync("contacto@netmas.mx");
        await using var app = await VentanillaApp.StartAsync(database, mail.Settings());
        await mail.AppendManyAsync(Enumerable.Range(1, 6).Select(i => EmailMessages.From("ana.lopez@example.com", $"Falla {i}", $"Reporte {i}.")));
        var poller = EmailMessages.Poller(app);
        using var stop = new CancellationTokenSource();
        var stored = 0;
        poller.AfterStore = async (_, _, _) =>
        {
            if (++stored == 3)
            {
                await stop.CancelAsync();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => poller.PollOnceAsync(stop.Token));

        Assert.Equal(3, await app.WithDbAsync(db => db.Inbox.CountAsync()));
        Assert.Equal(4, await mail.UnseenCountAsync());
        poller.AfterStore = null;
        await EmailMessages.PassAsync(app);

        Assert.Equal(6, await app.WithDbAsync(db => db.Inbox.Select(m => m.ExternalId).Distinct().CountAsync()));
        Assert.Equal(6, await app.WithDbAsync(db => db.Inbox.CountAsync()));
        Assert.Equal(6, await app.WithDbAsync(db => db.Tickets.CountAsync()));
        Assert.Equal(0, await mail.UnseenCountAsync());
    }
}
