using Ventanilla.Deadlines.Calendars;
using Ventanilla.Routing;
using Ventanilla.Tickets;

namespace Ventanilla.Deadlines.Rules;

/// <summary>Where one clock of a ticket stands: its due time (null while paused) and when it turns at risk.</summary>
public sealed record ClockTimes(DateTime? Due, DateTime? AtRisk, DeadlineRule Rule);

/// <summary>
/// Everything intake and the clocks need from the provider's editable rules, read once from the
/// database and shared by every request until the next edit. Immutable, so readers need no lock.
/// </summary>
public sealed class FollowUpSnapshot
{
    public FollowUpSnapshot(
        int revision,
        IReadOnlyDictionary<string, BusinessCalendar> calendars,
        DeadlineRules deadlines,
        IReadOnlyList<RoutingRule> routing,
        IReadOnlyDictionary<string, AreaInfo> areas,
        double atRiskShare,
        IReadOnlyDictionary<int, IReadOnlyList<StaffMemberInfo>>? members = null)
    {
        Members = members ?? new Dictionary<int, IReadOnlyList<StaffMemberInfo>>();
        Revision = revision;
        Calendars = calendars;
        Deadlines = deadlines;
        Routing = routing;
        Areas = areas;
        areaCodes = areas.Values.ToDictionary(a => a.Id, a => a.Code);
        AtRiskShare = atRiskShare;
    }

    // Tickets name their area by id; the clocks look its code up for every ticket they touch.
    private readonly Dictionary<int, string> areaCodes;

    // Calendar terms run day and night; one such calendar per zone serves every snapshot.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, BusinessCalendar> AlwaysOpen = new();

    public int Revision { get; }
    public IReadOnlyDictionary<string, BusinessCalendar> Calendars { get; }
    public DeadlineRules Deadlines { get; }
    public IReadOnlyList<RoutingRule> Routing { get; }

    /// <summary>Areas by code, with how each assigns its tickets.</summary>
    public IReadOnlyDictionary<string, AreaInfo> Areas { get; }
    public double AtRiskShare { get; }

    /// <summary>The code of the area with this id, or null for none or one deleted since the last load.</summary>
    public string? AreaCode(int? areaId) => areaId is { } id ? areaCodes.GetValueOrDefault(id) : null;

    /// <summary>Staff by area, in a fixed order, as of the last load: intake reads them without a query.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<StaffMemberInfo>> Members { get; }

    public BusinessCalendar General => Calendars.GetValueOrDefault(WorkCalendar.General) ?? BusinessCalendar.MexicanBusinessDays();

    public BusinessCalendar? AreaCalendar(string? areaCode) => areaCode is null ? null : Calendars.GetValueOrDefault(WorkCalendar.ForArea(areaCode));

    /// <summary>
    /// The calendar a rule counts on. Business days are the authority's, so they count on the
    /// legal calendar; business hours count on the hours of whoever must act: the channel the
    /// subscriber used for a first answer, the area for a resolution.
    /// </summary>
    public BusinessCalendar CalendarFor(DeadlineRule rule, ContactChannel channel, string? areaCode)
    {
        var general = General;
        if (!rule.IsInBusinessTime)
        {
            return AlwaysOpen.GetOrAdd(general.TimeZoneId, zone => BusinessCalendar.AlwaysOpen(zone));
        }

        if (rule.Unit == DeadlineUnit.BusinessDays)
        {
            return general;
        }

        var own = rule.What == DeadlineKind.FirstResponse
            ? Calendars.GetValueOrDefault(WorkCalendar.ForChannel(channel))
            : AreaCalendar(areaCode);
        return own ?? general;
    }

    /// <summary>One clock of a ticket, or null when no rule sets it.</summary>
    public ClockTimes? Clock(DeadlineKind what, TicketKind kind, ContactChannel channel, string? areaCode, TicketPriority priority,
        DateTime reportedAt, IReadOnlyList<(DateTime From, DateTime? To)> pauses)
    {
        var rule = Deadlines.Find(kind, what, areaCode, priority);
        if (rule is null)
        {
            return null;
        }

        var calendar = CalendarFor(rule, channel, areaCode);
        var unpaused = Deadline.Compute(rule, reportedAt, calendar, []) ?? reportedAt;
        // Intake has no pauses yet: the unpaused due time is the due time, worked out once.
        var due = pauses.Count == 0 ? unpaused : Deadline.Compute(rule, reportedAt, calendar, pauses);
        var allowed = calendar.BusinessTimeBetween(reportedAt, unpaused);
        var atRisk = (DateTime?)calendar.AddBusinessTime(reportedAt, allowed * AtRiskShare);
        if (rule.PausesWhileWaitingOnSubscriber)
        {
            // The at-risk point moves with the pauses before it, as the due time does.
            foreach (var (from, to) in Pauses.Merge(pauses, reportedAt))
            {
                if (atRisk is not { } point || from >= point)
                {
                    break;
                }

                atRisk = to is { } end ? calendar.AddBusinessTime(point, calendar.BusinessTimeBetween(from, end)) : null;
            }
        }

        return new ClockTimes(due, atRisk, rule);
    }
}

/// <summary>A member of an area as assignment sees them: their roles, and until when they are locked out.</summary>
/// <param name="Shift">The code of the person's own shift calendar, or null when they work their area's hours.</param>
public sealed record StaffMemberInfo(string Id, IReadOnlyList<string> Roles, DateTimeOffset? LockoutEnd, string? Shift = null);

/// <summary>An area as routing sees it.</summary>
public sealed record AreaInfo(int Id, string Code, string Name, AssignmentMode Mode, AssignmentSlot Slot);
