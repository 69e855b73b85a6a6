using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Messaging.Notifications;
using Ventanilla.Staff;
using Ventanilla.Tickets.Causes;
using Ventanilla.Visits;

namespace Ventanilla.Tickets.Pages;

/// <summary>
/// What the ticket page shows of the follow-up, read once with the ticket: the page's sections
/// render side by side and must not share the DbContext while they do.
/// </summary>
public sealed class TicketFollowUp
{
    public IReadOnlyList<Visit> Visits { get; private init; } = [];
    public IReadOnlyList<StaffMember> Technicians { get; private init; } = [];
    public IReadOnlyList<Cause> Causes { get; private init; } = [];
    /// <summary>The closing notice's template, read only when the notice can be sent.</summary>
    public NotificationTemplate? NoticeTemplate { get; private init; }
    public bool CanScheduleVisits { get; private init; }
    public bool CanNotify { get; private init; }
    public bool CanRecordOutcome { get; private init; }

    public string TechnicianName(string id) => Technicians.FirstOrDefault(t => t.Id == id)?.Name ?? id;

    public static async Task<TicketFollowUp> LoadAsync(VentanillaDbContext db, Ticket ticket, ClaimsPrincipal user,
        IAuthorizationService authorization, CancellationToken ct)
    {
        var schedule = (await authorization.AuthorizeAsync(user, Rights.ScheduleVisits)).Succeeded;
        var resolve = (await authorization.AuthorizeAsync(user, Rights.ResolveTickets)).Succeeded;
        var visits = await db.Visits.AsNoTracking().Where(v => v.TicketId == ticket.Id).OrderBy(v => v.Id).ToListAsync(ct);
        return new TicketFollowUp
        {
            Visits = visits,
            // Every page shows who does each visit; only the lead picks among all technicians.
            Technicians = schedule
                ? await TicketStaff.CandidatesAsync(db, VisitBooking.TechnicianRoles, ct)
                : visits.Count == 0 ? [] : [.. (await TicketStaff.NamesAsync(db, visits.Select(v => v.TechnicianId).Distinct(), ct)).Select(n => new StaffMember(n.Key, n.Value))],
            Causes = resolve ? await db.Causes.AsNoTracking().Where(c => c.Active).OrderBy(c => c.Name).ToListAsync(ct) : [],
            NoticeTemplate = ticket.Status == TicketStatus.Resolved
                ? await db.NotificationTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Event == NotificationEvents.Resolved, ct)
                : null,
            CanScheduleVisits = schedule,
            CanNotify = (await authorization.AuthorizeAsync(user, Rights.NotifySubscribers)).Succeeded,
            CanRecordOutcome = (await authorization.AuthorizeAsync(user, Rights.RecordOutcomes)).Succeeded
                && await Outcomes.OutcomeAuthority.MayRecordAsync(db, user, ticket, ct),
        };
    }
}
