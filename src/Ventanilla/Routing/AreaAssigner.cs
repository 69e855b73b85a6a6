using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Deadlines.Rules;
using Ventanilla.Staff;

namespace Ventanilla.Routing;

/// <summary>
/// Hands routed tickets to members of their area who are on shift: in turns, or to whoever has
/// the fewest open tickets. Who is on shift and their loads are read before the intake
/// transaction; only the round-robin counter is advanced inside it.
/// </summary>
public static class AreaAssigner
{
    internal const string OutOfHoursReason = "fuera del horario del área";
    internal const string OffShiftReason = "nadie del área está en su turno";

    /// <summary>
    /// Whether a member works now: by their own shift calendar when they have one, else by their
    /// area's hours. A shift calendar that was deleted counts as having none.
    /// </summary>
    public static bool IsOnShift(FollowUpSnapshot rules, StaffMemberInfo member, bool areaOpen, DateTime now) =>
        member.Shift is { } shift && rules.Calendars.GetValueOrDefault(shift) is { } own ? own.IsOpenAt(now) : areaOpen;

    /// <summary>Roles that may hold each slot, as the assignment form allows.</summary>
    public static string[] RolesFor(AssignmentSlot slot) => slot == AssignmentSlot.TechnicalLead
        ? [Roles.TechnicalLead]
        : [Roles.Agent, Roles.Supervisor, Roles.Admin];

    /// <summary>
    /// The members on shift now of every area in <paramref name="areas"/> that assigns automatically,
    /// from the cached rules; only least-loaded areas with members cost a query, for their loads.
    /// </summary>
    public static async Task<Dictionary<int, AreaPool>> PoolsAsync(VentanillaDbContext db, FollowUpSnapshot rules,
        IEnumerable<AreaInfo> areas, DateTime now, CancellationToken ct)
    {
        var pools = new Dictionary<int, AreaPool>();
        foreach (var area in areas.Where(a => a.Mode != AssignmentMode.None).DistinctBy(a => a.Id))
        {
            var roles = RolesFor(area.Slot);
            // Locked-out (or removed) members take no new work.
            var able = rules.Members.GetValueOrDefault(area.Id, [])
                .Where(m => m.Roles.Any(roles.Contains) && (m.LockoutEnd is null || m.LockoutEnd < now)).ToList();
            var areaOpen = rules.AreaCalendar(area.Code)?.IsOpenAt(now) ?? true;
            var members = able.Where(m => IsOnShift(rules, m, areaOpen, now)).Select(m => m.Id).ToList();
            var loads = area.Mode == AssignmentMode.LeastLoaded && members.Count > 0
                ? await LoadsAsync(db, area.Slot, members, ct)
                : new Dictionary<string, int>();
            // Out of hours the ticket waits in the area, and its timeline says why.
            var empty = members.Count > 0 ? null
                : !areaOpen && able.All(m => m.Shift is null) ? OutOfHoursReason
                : able.Count > 0 ? OffShiftReason
                : "nadie del área está disponible";
            pools[area.Id] = new AreaPool(area, members, loads, empty);
        }

        return pools;
    }

    /// <summary>
    /// Takes <paramref name="count"/> round-robin turns of an area inside the caller's transaction:
    /// the update locks the counter row until commit, so concurrent intakes get different turns.
    /// Answers the first turn taken. One statement that answers the new count, rather than an
    /// update and a read: the same on both databases, and one round trip less while the row is locked.
    /// </summary>
    public static async Task<long> TakeTurnsAsync(VentanillaDbContext db, int areaId, int count, CancellationToken ct)
    {
        // Not composed further: EF would wrap the update in a SELECT, which neither database accepts.
        var after = await db.Database.SqlQuery<long>(
                $"UPDATE area_routing SET turns = turns + {count} WHERE area_id = {areaId} RETURNING turns")
            .ToListAsync(ct);
        return after.Single() - count;
    }

    /// <summary>Whom the pool gives the next ticket, given the turn (round-robin) or the running loads (least loaded).</summary>
    public static (string? Member, string Because) Pick(AreaPool pool, long turn)
    {
        if (pool.Members.Count == 0)
        {
            return (null, $"Sin asignación automática en {pool.Area.Name}: {pool.Empty}.");
        }

        if (pool.Area.Mode == AssignmentMode.RoundRobin)
        {
            var member = pool.Members[(int)(turn % pool.Members.Count)];
            return (member, string.Create(CultureInfo.InvariantCulture, $"Asignación por turnos en {pool.Area.Name} (turno {turn + 1})."));
        }

        // Ties go to the first member in a fixed order, so the choice can be explained afterwards.
        var least = pool.Members.MinBy(m => pool.Loads.GetValueOrDefault(m))!;
        var load = pool.Loads.GetValueOrDefault(least);
        pool.Loads[least] = load + 1;
        return (least, string.Create(CultureInfo.InvariantCulture, $"Asignación a quien tiene menos folios abiertos en {pool.Area.Name} ({load})."));
    }

    private static async Task<Dictionary<string, int>> LoadsAsync(VentanillaDbContext db, AssignmentSlot slot, List<string> members, CancellationToken ct)
    {
        var open = db.Tickets.StillOpen();
        var counts = slot == AssignmentSlot.TechnicalLead
            ? await open.Where(t => members.Contains(t.TechnicalLeadId!)).GroupBy(t => t.TechnicalLeadId!)
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)
            : await open.Where(t => members.Contains(t.CustomerServiceOwnerId!)).GroupBy(t => t.CustomerServiceOwnerId!)
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return counts.ToDictionary(c => c.Key, c => c.Count, StringComparer.Ordinal);
    }
}

/// <summary>An area's members on shift, in a fixed order, with their open tickets when loads matter.</summary>
public sealed record AreaPool(AreaInfo Area, IReadOnlyList<string> Members, Dictionary<string, int> Loads, string? Empty)
{
    public bool OutOfHours => Empty is AreaAssigner.OutOfHoursReason or AreaAssigner.OffShiftReason;
}
