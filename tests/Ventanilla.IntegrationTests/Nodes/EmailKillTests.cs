using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests.Nodes;

/// <summary>
/// Email read from Dovecot and acknowledged through the SMTP listener by one node, killed at random
/// moments and once, deterministically, between the listener's 250 and the node's record of the send.
/// </summary>
[Collection(KilledNodes.Name)]
public class EmailKillTests
{
    private const int Seed = 120_402;
    private const int Messages = 30;

    [Fact]
    public async Task Each_email_becomes_one_ticket_whose_acknowledgement_reaches_the_server_at_most_once_or_is_left_uncertain()
    {
        var gapAt = new Random(Seed).Next(3, 9);
        var mail = await TestMailServer.MailboxAsync("contacto@netmas.mx");
        await using var smtp = TestSmtpServer.Start();
        await using var database = await TestDatabase.CreateAsync(DatabaseKind.Postgres);
        var storage = Path.Combine(Path.GetTempPath(), "ventanilla-files-" + Guid.NewGuid().ToString("N"));
        var subjects = Enumerable.Range(1, Messages).Select(i => $"Falla número {i}").ToList();
        await mail.AppendManyAsync(subjects.Select((s, i) => EmailMessages.From($"cliente{i + 1}@example.com", s, $"Reporte: {s}.")));
        await using var node = await ServiceNode.StartAsync("email", NodeSettings.Base(database, storage).WithEmail(mail, smtp));
        var accepted = 0;
        string? killedAfter = null;
        smtp.AfterAccept = message =>
        {
            if (Interlocked.Increment(ref accepted) == gapAt)
            {
                // The listener said 250; the node has not recorded the send yet.
                node.Kill();
                killedAfter = message.MessageId;
            }
        };
        using var stop = new CancellationTokenSource();
        var chaos = new Chaos(node, Seed, kills: 2, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4));
        var killing = chaos.RunAsync(stop.Token);
        string Context() => NodeChecks.Context(Seed, node) + $"\nThe kill in the send gap came after the listener's 250 to {killedAfter ?? "(none yet)"} (message {gapAt}).";

        try
        {
            // Done once every email is a ticket and every acknowledgement went out or is known not to be certain.
            await NodeChecks.WaitForAsync(async () =>
                {
                    var receipts = Receipts(await NodeData.OutboxAsync(database));
                    return chaos.Done == 2 && await TicketCountAsync(database) == Messages && receipts.Count == Messages
                        && receipts.All(r => r.State is "sent" or "uncertain");
                },
                TimeSpan.FromSeconds(90), "every email filed and acknowledged",
                async () => $"{await TicketCountAsync(database)} tickets; receipts by state: " +
                    string.Join(", ", Receipts(await NodeData.OutboxAsync(database)).GroupBy(r => r.State).Select(g => $"{g.Key} {g.Count()}")) +
                    $"; {smtp.Received.Count} messages at the listener.\n{Context()}");
        }
        finally
        {
            await Chaos.StopAsync(stop, killing);
        }

        var context = Context();
        Assert.True(killedAfter is not null, $"The node was never killed in the send gap.\n{context}");
        await AssertEachEmailFiledAndAcknowledgedOnceAsync(database, smtp, subjects, context);
        await NodeChecks.AssertGapFreeAsync(database, context);
    }

    /// <summary>
    /// Each email is one ticket; no Message-ID and no email's acknowledgement reached the listener
    /// twice; each ticket has one acknowledgement, at the listener or left uncertain for staff.
    /// </summary>
    internal static async Task AssertEachEmailFiledAndAcknowledgedOnceAsync(TestDatabase database, TestSmtpServer smtp, IReadOnlyList<string> subjects, string context)
    {
        await using var db = database.OpenContext();
        var tickets = await db.Tickets.AsNoTracking().Where(t => t.Channel == ContactChannel.Email).Select(t => new { t.Id, t.Folio, t.Subject }).ToListAsync();
        Assert.True(subjects.Order().SequenceEqual(tickets.Select(t => t.Subject).Order()),
            $"Emails and tickets differ: {string.Join(" | ", tickets.Select(t => t.Subject).Order())}\n{context}");

        var received = smtp.Received.ToList();
        var twice = received.GroupBy(m => m.MessageId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"Message-IDs that reached the listener twice: {string.Join(", ", twice)}\n{context}");
        var repeated = received.Where(m => m.InReplyTo is not null).GroupBy(m => Bare(m.InReplyTo)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(repeated.Count == 0, $"Emails acknowledged twice at the listener: {string.Join(", ", repeated)}\n{context}");

        var receipts = Receipts(await NodeData.OutboxAsync(database));
        foreach (var ticket in tickets)
        {
            var mine = receipts.Where(r => r.TicketId == ticket.Id).ToList();
            Assert.True(mine.Count == 1, $"{ticket.Folio} has {mine.Count} acknowledgements queued.\n{context}");
            var row = mine[0];
            var arrived = received.Any(m => Bare(m.InReplyTo) == Bare(row.InReplyTo) || (row.MessageId is not null && Bare(m.MessageId) == Bare(row.MessageId)));
            Assert.True(arrived || row.State == "uncertain",
                $"The acknowledgement of {ticket.Folio} neither reached the listener nor is uncertain (it is {row.State}).\n{context}");
        }

    }

    internal static List<OutboxRow> Receipts(List<OutboxRow> outbox) => [.. outbox.Where(r => r is { Channel: "email", Kind: "receipt" })];

    internal static async Task<int> TicketCountAsync(TestDatabase database)
    {
        await using var db = database.OpenContext();
        return await db.Tickets.CountAsync();
    }

    private static string? Bare(string? id) => id?.Trim().Trim('<', '>');
}
