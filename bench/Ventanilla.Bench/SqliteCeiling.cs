using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;

namespace Ventanilla.Bench;

/// <summary>
/// The most the embedded database can do: the same transaction the API makes (bump the folio
/// counter, insert the ticket, its timeline entry and its receipt) in raw SQL, from many clients.
/// </summary>
internal static class SqliteCeiling
{
    private const string Transaction = """
        INSERT INTO folio_counters (year, last_value) VALUES (2026, 1)
            ON CONFLICT (year) DO UPDATE SET last_value = folio_counters.last_value + 1 RETURNING last_value;
        """;

    private const string Rows = """
        INSERT INTO tickets (id, folio, kind, channel, subject, description, service_address, status, priority,
            contact_name, contact_phone, contact_email, reported_at, created_at, last_activity_at, search_text, conversation_text, version)
        VALUES ($id, $folio, 'fault', 'web', 'Sin internet', $text, 'Av. Hidalgo 120, Col. Centro, Zacatecas', 'registered', 'normal',
            'Juan Pérez', '+524921234567', 'juan@example.mx', $now, $now, $now, $search, '', 1);
        INSERT INTO timeline_entries (ticket_id, at, type, actor_id, actor_name, channel, body)
            VALUES ($id, $now, 'created', 'api-key:1', 'Bench', 'web', $text);
        INSERT INTO outbox_messages (ticket_id, channel, kind, recipient, subject, body, state, attempts, created_at, next_attempt_at)
            VALUES ($id, 'email', 'receipt', 'juan@example.mx', $folio, $text, 'pending', 0, $now, $now);
        """;

    public static async Task<int> RunAsync(BenchOptions o)
    {
        foreach (var path in new[] { o.File, o.File + "-wal", o.File + "-shm" })
        {
            File.Delete(path);
        }

        var connectionString = $"Data Source={o.File};Default Timeout=30";
        var options = new DbContextOptionsBuilder<SqliteVentanillaDbContext>();
        options.UseSqlite(connectionString).UseSnakeCaseNamingConvention();
        await using (var db = new SqliteVentanillaDbContext(options.Options))
        {
            await db.Database.MigrateAsync();
        }

        var measurement = new Measurement();
        var started = Stopwatch.StartNew();
        var warmup = TimeSpan.FromSeconds(o.WarmupSeconds);
        var end = warmup + TimeSpan.FromSeconds(o.Seconds);
        var text = "No tengo internet desde ayer; el módem parpadea en rojo.";
        var workers = Enumerable.Range(0, o.Clients).Select(worker => Task.Run(async () =>
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using (var pragmas = new SqliteCommand("PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;", connection))
            {
                await pragmas.ExecuteNonQueryAsync();
            }

            while (started.Elapsed < end)
            {
                var t0 = Stopwatch.GetTimestamp();
                await using (var tx = (SqliteTransaction)await connection.BeginTransactionAsync())
                {
                    await using var next = new SqliteCommand(Transaction, connection, tx);
                    var sequence = (long)(await next.ExecuteScalarAsync())!;
                    await using var rows = new SqliteCommand(Rows, connection, tx);
                    var folio = $"NM-2026-{sequence:000000}";
                    rows.Parameters.AddWithValue("$id", (2026 * 1_000_000_000L) + sequence);
                    rows.Parameters.AddWithValue("$folio", folio);
                    rows.Parameters.AddWithValue("$text", text);
                    rows.Parameters.AddWithValue("$search", folio + "\nJuan Pérez\n" + text);
                    rows.Parameters.AddWithValue("$now", DateTime.UtcNow);
                    await rows.ExecuteNonQueryAsync();
                    await tx.CommitAsync();
                }

                if (started.Elapsed >= warmup)
                {
                    measurement.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                }
            }
        }));
        await Task.WhenAll(workers);
        measurement.Print($"sqlite raw {o.Clients} clients", o.Seconds);
        return 0;
    }
}
