using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ventanilla.Data;
using Ventanilla.Deadlines.Calendars;
using Ventanilla.Hosting;
using Ventanilla.Provider;
using Ventanilla.Routing;
using Ventanilla.Staff;
using Ventanilla.Tickets;

namespace Ventanilla.Deadlines.Rules;

/// <summary>
/// The provider's calendars, deadline rules and routing as the service uses them: seeded at start-up
/// (and for each area as it is created), loaded into one immutable snapshot, replaced at once when an
/// administrator saves, and re-read every minute so every node of a cluster follows an edit made on another. Areas'
/// members are read with them, so a change of someone's area or roles reaches assignment within a minute.
/// </summary>
public sealed class FollowUpDirectory(IServiceScopeFactory scopes, ProviderDirectory provider, IOptions<FollowUpOptions> options, TimeProvider clock,
    ILogger<FollowUpDirectory> log) : PeriodicJob(clock, log)
{
    private static readonly TimeSpan RefreshEvery = TimeSpan.FromMinutes(1);
    private volatile FollowUpSnapshot? current;

    public FollowUpSnapshot Current => current ?? throw new InvalidOperationException("The follow-up rules are not loaded yet.");

    /// <summary>Seeds what is missing (at start-up) and loads the rules.</summary>
    public async Task LoadAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        await SeedAsync(db, ct);
        current = await ReadAsync(db, ct);
    }

    /// <summary>Re-reads the rules, writing nothing: what every node does each minute.</summary>
    public async Task RefreshAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        current = await ReadAsync(scope.ServiceProvider.GetRequiredService<VentanillaDbContext>(), ct);
    }

    /// <summary>
    /// Creates an area with its calendar and its way of assigning, together, and uses it at once on
    /// this node: an area without them could take tickets before the next start seeded them.
    /// </summary>
    public async Task AddAreaAsync(VentanillaDbContext db, Area area, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Areas.Add(area);
        await db.SaveChangesAsync(ct);
        var (code, name, calendar) = CalendarSeeds.OfArea(area.Code, area.Name, provider.Current.TimeZone);
        if (!await db.Set<WorkCalendar>().AnyAsync(c => c.Code == code, ct))
        {
            db.Add(new WorkCalendar(code, name, calendar, Clock.GetUtcNow().UtcDateTime));
        }

        db.Add(NewRouting(area));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        current = await ReadAsync(db, ct);
    }

    private static AreaRouting NewRouting(Area area)
    {
        var (mode, slot) = RoutingSeeds.ForArea(area.Code);
        return new AreaRouting(area.Id, mode, slot);
    }

    /// <summary>
    /// Saves an administrator's edit made on <paramref name="db"/>, and uses the new rules at once on
    /// this node. Only an edit of deadline rules or of a calendar they count in
    /// (<paramref name="deadlinesChanged"/>) marks open tickets for a fresh look at their deadlines:
    /// routing, assignment and shift calendars cannot move a deadline already set, and walking every
    /// open ticket for them would be work for nothing.
    /// </summary>
    public async Task SaveAsync(VentanillaDbContext db, bool deadlinesChanged, CancellationToken ct = default)
    {
        var revision = await db.Set<FollowUpRevision>().FirstAsync(r => r.Id == FollowUpRevision.SingleId, ct);
        if (deadlinesChanged)
        {
            revision.Bump();
        }
        else
        {
            revision.MarkEdited();
        }

        await db.SaveChangesAsync(ct);
        current = await ReadAsync(db, ct);
    }

    protected override TimeSpan Interval => RefreshEvery;

    // Start-up loaded it before the server took requests.
    protected override bool PassAtStart => false;

    // A failed re-read keeps the rules we have; the job logs it and tries again.
    protected override Task RunPassAsync(CancellationToken ct) => RefreshAsync(ct);

    private async Task<FollowUpSnapshot> ReadAsync(VentanillaDbContext db, CancellationToken ct)
    {
        var revision = await db.Set<FollowUpRevision>().AsNoTracking().Select(r => r.Revision).FirstAsync(ct);
        var calendars = await db.Set<WorkCalendar>().AsNoTracking().ToListAsync(ct);
        var deadlines = await db.Set<DeadlineRuleRow>().AsNoTracking().OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct);
        var routing = await db.Set<RoutingRule>().AsNoTracking().OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct);
        var areas = await db.Areas.AsNoTracking().ToListAsync(ct);
        var modes = await db.Set<AreaRouting>().AsNoTracking().ToDictionaryAsync(r => r.AreaId, ct);
        var staff = await db.Users.AsNoTracking().Where(u => u.AreaId != null).OrderBy(u => u.Id)
            .Select(u => new { u.Id, AreaId = u.AreaId!.Value, u.LockoutEnd, u.ShiftCalendar }).ToListAsync(ct);
        var staffIds = staff.Select(u => u.Id).ToList();
        var roles = (await db.UserRoles.AsNoTracking().Where(ur => staffIds.Contains(ur.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct))
            .ToLookup(r => r.UserId, r => r.Name ?? "");
        return new FollowUpSnapshot(
            revision,
            calendars.ToDictionary(c => c.Code, c => c.ToCalendar(), StringComparer.Ordinal),
            new DeadlineRules([.. deadlines.Select(r => r.ToRule())]),
            routing,
            areas.ToDictionary(a => a.Code, a => modes.GetValueOrDefault(a.Id) is { } m
                ? new AreaInfo(a.Id, a.Code, a.Name, m.Mode, m.Slot)
                : new AreaInfo(a.Id, a.Code, a.Name, AssignmentMode.None, AssignmentSlot.CustomerServiceOwner), StringComparer.Ordinal),
            options.Value.AtRiskShare,
            staff.GroupBy(u => u.AreaId).ToDictionary(g => g.Key,
                g => (IReadOnlyList<StaffMemberInfo>)[.. g.Select(u => new StaffMemberInfo(u.Id, [.. roles[u.Id]], u.LockoutEnd, u.ShiftCalendar))]));
    }

    // Rules are seeded only on an install that never had any: an administrator who deletes them all means it.
    private async Task SeedAsync(VentanillaDbContext db, CancellationToken ct)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var zone = provider.Current.TimeZone;
        var fresh = await db.Set<FollowUpRevision>().AnyAsync(r => r.Revision == 0, ct);
        var areas = await db.Areas.AsNoTracking().ToListAsync(ct);
        var calendarCodes = await db.Set<WorkCalendar>().Select(c => c.Code).ToListAsync(ct);
        // Every channel and area has a calendar, including areas created since the last start.
        foreach (var (code, name, calendar) in CalendarSeeds.For(zone, areas.Select(a => (a.Code, a.Name))))
        {
            if (!calendarCodes.Contains(code))
            {
                db.Add(new WorkCalendar(code, name, calendar, now));
            }
        }

        var routed = await db.Set<AreaRouting>().Select(r => r.AreaId).ToListAsync(ct);
        foreach (var area in areas.Where(a => !routed.Contains(a.Id)))
        {
            db.Add(NewRouting(area));
        }

        if (fresh && !await db.Set<DeadlineRuleRow>().AnyAsync(ct))
        {
            db.AddRange(DeadlineRules.Defaults.Rules.Select((r, i) => new DeadlineRuleRow(r, (i + 1) * 10)));
        }

        if (fresh && !await db.Set<RoutingRule>().AnyAsync(ct))
        {
            db.AddRange(RoutingSeeds.Rules());
        }

        if (db.ChangeTracker.HasChanges())
        {
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another node seeded at the same moment; what it wrote is as good.
                db.ChangeTracker.Clear();
            }
        }
    }
}
