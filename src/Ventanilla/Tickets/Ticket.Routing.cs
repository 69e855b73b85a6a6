using Ventanilla.Routing;
using Ventanilla.Web;

namespace Ventanilla.Tickets;

public sealed partial class Ticket
{
    /// <summary>
    /// Intake's automatic decisions, each on the timeline with the rule or setting that made it.
    /// The area comes from the cached rules by id; <paramref name="loadedArea"/> is the same area read in this unit of work, for the answer.
    /// </summary>
    public void Route(RoutingDecision decision, Staff.Area? loadedArea, DateTime now)
    {
        if (decision.Area is { } area && area.Id != AreaId)
        {
            timeline.Add(Decided(TimelineEntryType.Assigned, "area", Area?.Code, area.Code, decision.AreaBecause));
            AreaId = area.Id;
            Area = loadedArea?.Id == area.Id ? loadedArea : null;
        }

        if (decision.Priority is { } priority && priority != Priority)
        {
            timeline.Add(Decided(TimelineEntryType.FieldChanged, "priority", Wire.Name(Priority), Wire.Name(priority), decision.PriorityBecause));
            Priority = priority;
        }

        if (decision.Member is { } member)
        {
            var field = decision.Slot == AssignmentSlot.TechnicalLead ? "technicalLead" : "customerServiceOwner";
            timeline.Add(Decided(TimelineEntryType.Assigned, field, null, member, decision.MemberBecause));
            if (decision.Slot == AssignmentSlot.TechnicalLead)
            {
                TechnicalLeadId = member;
            }
            else
            {
                CustomerServiceOwnerId = member;
            }
        }

        TimelineEntry Decided(TimelineEntryType type, string field, string? from, string? to, string? because) =>
            new(type, Actor.System, now, because, field: field, from: from, to: to);
    }
}
