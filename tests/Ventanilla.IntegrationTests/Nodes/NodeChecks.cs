using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests.Nodes;

/// <summary>Bounded waits and the checks every node test makes.</summary>
internal static class NodeChecks
{
    /// <summary>Polls until <paramref name="done"/> holds; fails after <paramref name="limit"/> with what <paramref name="state"/> says.</summary>
    public static async Task WaitForAsync(Func<Task<bool>> done, TimeSpan limit, string what, Func<Task<string>> state)
    {
        var waited = Stopwatch.StartNew();
        while (!await done())
        {
            if (waited.Elapsed > limit)
            {
                Assert.Fail($"Timed out after {limit.TotalSeconds:0} s waiting for {what}.\n{await state()}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Each year's folios run 1..n: none missing, none twice.</summary>
    public static void AssertGapFree(IEnumerable<string> folios, string context)
    {
        var parsed = folios.Select(text => Folio.TryParse(text, out var folio) ? folio.Value : throw new InvalidOperationException($"Not a folio: {text}")).ToList();
        foreach (var year in parsed.GroupBy(f => f.Year))
        {
            var sequences = year.Select(f => f.Sequence).Order().ToList();
            Assert.True(sequences.SequenceEqual(Enumerable.Range(1, sequences.Count).Select(i => (long)i)),
                $"The folios of {year.Key} are not 1..{sequences.Count} without gaps: {string.Join(", ", sequences)}.\n{context}");
        }
    }

    /// <summary>Every ticket's folio, each year's run 1..n.</summary>
    public static async Task AssertGapFreeAsync(TestDatabase database, string context)
    {
        await using var db = database.OpenContext();
        AssertGapFree(await db.Tickets.Select(t => t.Folio).ToListAsync(), context);
    }

    /// <summary>The seed and the nodes' logs, for a failure message.</summary>
    public static string Context(int seed, params ServiceNode[] nodes) =>
        $"Seed {seed}. Kills: {string.Join(", ", nodes.Select(n => $"{n.Name} {n.Kills}"))}.\n" + string.Join('\n', nodes.Select(n => n.Tail(40)));
}
