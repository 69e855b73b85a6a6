using System.Security.Claims;
using Ventanilla.Staff;

namespace Ventanilla.Visits;

/// <summary>What a technician may report on a visit, shared by the API and the phone page.</summary>
public static class VisitReports
{
    /// <summary>A technician reports only their own visits; the lead, supervisors and administrators any.</summary>
    public static bool MayReport(ClaimsPrincipal user, Visit visit) =>
        visit.TechnicianId == Actors.From(user).Id
        || user.IsInRole(Roles.TechnicalLead) || user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin);

    public static string? Apply(Visit visit, VisitStatus outcome, string? result, string? notes, string? reason, DateTime? restored, DateTime now) =>
        outcome switch
        {
            VisitStatus.Arrived => visit.Arrive(now),
            VisitStatus.Done => visit.Complete(result ?? "", notes, restored, now),
            _ => visit.Miss(reason ?? "", now),
        };
}
