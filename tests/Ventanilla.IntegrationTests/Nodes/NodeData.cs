using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Ventanilla.IntegrationTests.Nodes;

/// <summary>An outbox row as the table holds it. The state is read as its stored word, so states other work adds (uncertain) need no type here.</summary>
internal sealed record OutboxRow(long Id, long? TicketId, string Channel, string Kind, string State, string Recipient, string Body, string? MessageId, string? InReplyTo);

/// <summary>What the node tests read straight from the database the nodes share.</summary>
internal static class NodeData
{
    public static async Task<List<OutboxRow>> OutboxAsync(TestDatabase database)
    {
        await using var db = database.OpenContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, ticket_id, channel, kind, state, recipient, body, message_id, in_reply_to FROM outbox_messages ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<OutboxRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new OutboxRow(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), Text(reader, 7), Text(reader, 8)));
        }

        return rows;
    }

    private static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    /// <summary>The id of the process holding the mailbox lease, if any.</summary>
    public static async Task<int?> LeaseHolderAsync(TestDatabase database)
    {
        await using var db = database.OpenContext();
        var owner = await db.Mailboxes.Select(m => m.LeaseOwner).FirstOrDefaultAsync();
        var parts = owner?.Split(':');
        return parts is { Length: >= 2 } && int.TryParse(parts[^2], out var pid) ? pid : null;
    }
}
