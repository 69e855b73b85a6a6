using Ventanilla.Data;
using Ventanilla.Deadlines;
using Ventanilla.Deadlines.Rules;
using Ventanilla.Staff;
using Ventanilla.Subscribers;
using Ventanilla.Tickets;

namespace Ventanilla.Routing;

/// <summary>
/// Routing and deadlines for a group of new reports. Everything that needs no folio is worked out
/// from the cached rules before the intake transaction, which holds the folio counter; inside it
/// only the round-robin counters of the areas involved are advanced.
/// </summary>
public sealed class IntakeRouting
{
    private readonly RoutingDecision[] decisions;
    private readonly (ClockTimes? First, ClockTimes? Resolution)[] clocks;
    private readonly Dictionary<int, AreaPool> pools;
    private readonly Dictionary<int, Area> areas;
    private readonly Dictionary<int, long> nextTurn = [];

    private IntakeRouting(RoutingDecision[] decisions, (ClockTimes?, ClockTimes?)[] clocks,
        Dictionary<int, AreaPool> pools, Dictionary<int, Area> areas)
    {
        this.decisions = decisions;
        this.clocks = clocks;
        this.pools = pools;
        this.areas = areas;
    }

    public static async Task<IntakeRouting> PrepareAsync(VentanillaDbContext db, FollowUpSnapshot rules,
        IReadOnlyList<(NewTicket Report, Subscriber? Subscriber)> reports, DateTime now, CancellationToken ct)
    {
        var decisions = reports.Select(r => Router.Decide(rules, RoutingFacts.Of(r.Report, r.Subscriber), r.Report.Priority)).ToArray();
        var clocks = reports.Select((r, i) =>
        {
            var area = decisions[i].Area?.Code;
            var priority = decisions[i].Priority ?? r.Report.Priority;
            var reported = r.Report.ReportedAt ?? now;
            return (rules.Clock(DeadlineKind.FirstResponse, r.Report.Kind, r.Report.Channel, area, priority, reported, []),
                rules.Clock(DeadlineKind.Resolution, r.Report.Kind, r.Report.Channel, area, priority, reported, []));
        }).ToArray();
        var routed = decisions.Select(d => d.Area).OfType<AreaInfo>().ToList();
        var pools = routed.Count == 0 ? [] : await AreaAssigner.PoolsAsync(db, rules, routed, now, ct);
        // The areas as this unit of work's own copies, attached as they are stored: no query needed.
        var areas = routed.DistinctBy(a => a.Id).ToDictionary(a => a.Id, a =>
        {
            var area = Area.Stored(a.Id, a.Code, a.Name);
            db.Attach(area);
            return area;
        });
        return new IntakeRouting(decisions, clocks, pools, areas);
    }

    /// <summary>Takes the round-robin turns the group needs; call inside the intake transaction.</summary>
    public async Task TakeTurnsAsync(VentanillaDbContext db, CancellationToken ct)
    {
        var needed = decisions.Select(d => d.Area).OfType<AreaInfo>()
            .Where(a => pools.TryGetValue(a.Id, out var pool) && pool.Members.Count > 0 && a.Mode == AssignmentMode.RoundRobin)
            .GroupBy(a => a.Id)
            .OrderBy(g => g.Key); // the same lock order everywhere, so two groups never wait on each other
        foreach (var area in needed)
        {
            nextTurn[area.Key] = await AreaAssigner.TakeTurnsAsync(db, area.Key, area.Count(), ct);
        }
    }

    /// <summary>Applies the decisions for the report at <paramref name="index"/> to its new ticket.</summary>
    public void Apply(Ticket ticket, int index, DateTime now)
    {
        var decision = decisions[index];
        if (decision.Area is { } area && pools.TryGetValue(area.Id, out var pool))
        {
            var turn = nextTurn.GetValueOrDefault(area.Id);
            nextTurn[area.Id] = turn + 1;
            var (member, because) = AreaAssigner.Pick(pool, turn);
            decision = decision with { Member = member, Slot = area.Slot, MemberBecause = because };
        }

        ticket.Route(decision, decision.Area is { } a ? areas.GetValueOrDefault(a.Id) : null, now);
        if (decision.Area is { } routed && decision.Member is null && pools.GetValueOrDefault(routed.Id)?.OutOfHours == true)
        {
            // Said only when it is about the hour: an area with no members at all is a setup matter, not news on every ticket.
            ticket.AddNote(decision.MemberBecause!, Actor.System, now);
        }
        var (first, resolution) = clocks[index];
        ticket.SetClocks(first, resolution);
        // A term of zero (the cancellation folio) is met by the folio intake gives at once.
        if (first?.Rule.Amount == 0)
        {
            ticket.MarkFirstResponse(now);
        }
    }
}
