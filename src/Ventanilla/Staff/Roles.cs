namespace Ventanilla.Staff;

/// <summary>The staff roles of the provider's procedure, and what each may do.</summary>
public static class Roles
{
    public const string Agent = "agent";
    public const string TechnicalLead = "technical_lead";
    public const string Technician = "technician";
    public const string Area = "area";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";

    public static readonly string[] All = [Agent, TechnicalLead, Technician, Area, Supervisor, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}

/// <summary>Authorization policies, named for the right they grant.</summary>
public static class Rights
{
    public const string ReadTickets = "tickets.read";
    public const string WorkTickets = "tickets.work";
    public const string ResolveTickets = "tickets.resolve";
    public const string AssignTickets = "tickets.assign";
    public const string ReadSubscribers = "subscribers.read";
    public const string EditSubscribers = "subscribers.edit";
    public const string ScheduleVisits = "visits.schedule";
    public const string RecordVisits = "visits.record";
    public const string NotifySubscribers = "tickets.notify";
    public const string RecordOutcomes = "tickets.outcome";
    public const string TakeCalls = "calls.take";
    public const string ReadOutages = "outages.read";
    public const string ManageOutages = "outages.manage";
    public const string ManageNetwork = "network.manage";
    public const string ReadCompensation = "compensation.read";
    public const string ApproveCompensation = "compensation.approve";
    public const string ReadReports = "reports.read";
    public const string ExportTickets = "tickets.export";
    public const string ReadAudit = "audit.read";

    public static readonly IReadOnlyDictionary<string, string[]> RolesFor = new Dictionary<string, string[]>
    {
        [ReadTickets] = Roles.All,
        [WorkTickets] = Roles.All,
        [ResolveTickets] = [Roles.TechnicalLead, Roles.Technician, Roles.Area, Roles.Supervisor, Roles.Admin],
        [AssignTickets] = [Roles.Agent, Roles.TechnicalLead, Roles.Supervisor, Roles.Admin],
        [ReadSubscribers] = Roles.All,
        [EditSubscribers] = [Roles.Agent, Roles.Supervisor, Roles.Admin],
        [ScheduleVisits] = [Roles.TechnicalLead, Roles.Supervisor, Roles.Admin],
        [RecordVisits] = [Roles.Technician, Roles.TechnicalLead, Roles.Supervisor, Roles.Admin],
        [NotifySubscribers] = [Roles.Agent, Roles.Supervisor, Roles.Admin],
        // Only the owning area records an outcome; OutcomeAuthority checks the area on top of the role.
        [RecordOutcomes] = [Roles.Area, Roles.Supervisor, Roles.Admin],
        // Phone intake is Customer Service's desk (the procedure's step 1), not the technical or area staff's.
        [TakeCalls] = [Roles.Agent, Roles.Supervisor, Roles.Admin],
        // Every desk must know a failure is known, so nobody promises a visit for it.
        [ReadOutages] = Roles.All,
        // The technical lead knows the cause and the estimate; a supervisor confirms and declares too.
        [ManageOutages] = [Roles.TechnicalLead, Roles.Supervisor, Roles.Admin],
        [ManageNetwork] = [Roles.Supervisor, Roles.Admin],
        // Billing (an area) applies the credits; it reads the ledger but does not approve it.
        [ReadCompensation] = [Roles.Area, Roles.Supervisor, Roles.Admin],
        [ApproveCompensation] = [Roles.Supervisor, Roles.Admin],
        // The figures the authority and management are answered with: the compliance officer is a supervisor.
        [ReadReports] = [Roles.Supervisor, Roles.Admin],
        // A whole inbox view leaves the system with subscribers' data in it: only those who answer for it.
        [ExportTickets] = [Roles.Supervisor, Roles.Admin],
        [ReadAudit] = [Roles.Admin],
    };
}
