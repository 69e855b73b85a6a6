using Microsoft.Extensions.Options;
using Ventanilla.Data;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>
/// SQLite has one write lock per file, and a writer that finds it taken sleeps in growing steps
/// (up to 100 ms) before it tries again; with the processor committing back to back, the webhook's
/// inserts would lose that race and wait. Queuing this process's WhatsApp writers here instead hands
/// the lock over in order, so a webhook post waits for at most one message's processing. PostgreSQL
/// locks rows, not the database, so there the gate lets everyone through.
/// </summary>
public sealed class WriteGate(IOptions<DatabaseOptions> database) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly bool needed = string.Equals(database.Value.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase);

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        if (!needed)
        {
            return Open.Instance;
        }

        await gate.WaitAsync(ct);
        return new Held(gate);
    }

    /// <summary>Saves the context's changes in this process's turn.</summary>
    public async Task SaveAsync(VentanillaDbContext db, CancellationToken ct)
    {
        using var _ = await EnterAsync(ct);
        await db.SaveChangesAsync(ct);
    }

    public void Dispose() => gate.Dispose();

    private sealed class Held(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }

    private sealed class Open : IDisposable
    {
        public static readonly Open Instance = new();

        public void Dispose()
        {
        }
    }
}
