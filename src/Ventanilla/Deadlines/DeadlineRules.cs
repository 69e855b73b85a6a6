using Ventanilla.Tickets;

namespace Ventanilla.Deadlines;

/// <summary>A provider's deadline rules, and the choice of the one that applies to a ticket.</summary>
public sealed record DeadlineRules(IReadOnlyList<DeadlineRule> Rules)
{
    /// <summary>The reconnection term has no ticket kind of its own; the technical area's "other" requests carry it.</summary>
    public const string TechnicalArea = "tecnica";

    /// <summary>
    /// The terms of the PROFECO model contract and the regulator's complaint platform, as of 2026.
    /// They are defaults for a fresh install: providers edit them as the authority changes them.
    /// </summary>
    public static DeadlineRules Defaults { get; } = new(
    [
        // Repair within 24 hours of the report.
        new(TicketKind.Fault, DeadlineKind.Resolution, 24, DeadlineUnit.CalendarHours),
        // The provider answers a complaint on the complaint platform within 15 business days.
        new(TicketKind.Complaint, DeadlineKind.Resolution, 15, DeadlineUnit.BusinessDays),
        // A cancellation folio is given at once.
        new(TicketKind.Cancellation, DeadlineKind.FirstResponse, 0, DeadlineUnit.CalendarHours),
        // The data-protection law (LFPDPPP) gives 20 business days to answer an access,
        // rectification, cancellation or opposition request.
        new(TicketKind.PrivacyRequest, DeadlineKind.Resolution, 20, DeadlineUnit.BusinessDays),
        // Reconnection within 48 hours.
        new(TicketKind.Other, DeadlineKind.Resolution, 48, DeadlineUnit.CalendarHours, AreaCode: TechnicalArea),
        // Whatever the kind: a written receipt after a phone report, and written confirmation of
        // agreements, within 5 business days.
        .. Enum.GetValues<TicketKind>().SelectMany(kind => new DeadlineRule[]
        {
            new(kind, DeadlineKind.WrittenReceipt, 5, DeadlineUnit.BusinessDays),
            new(kind, DeadlineKind.AgreementConfirmation, 5, DeadlineUnit.BusinessDays),
        }),
    ]);

    /// <summary>
    /// The most specific rule for the clock: one for the area and priority, else the area, else the
    /// priority, else the kind alone; the first listed wins a tie. Null when no rule sets this clock.
    /// </summary>
    public DeadlineRule? Find(TicketKind kind, DeadlineKind what, string? areaCode, TicketPriority? priority) =>
        Rules
            .Where(r => r.Kind == kind && r.What == what)
            .Where(r => r.AreaCode is null || string.Equals(r.AreaCode, areaCode, StringComparison.OrdinalIgnoreCase))
            .Where(r => r.Priority is null || r.Priority == priority)
            .OrderByDescending(Specificity)
            .FirstOrDefault();

    // Area outranks priority: areas own the work, and their terms are what they agreed to answer for.
    private static int Specificity(DeadlineRule rule) => (rule.AreaCode is null ? 0 : 2) + (rule.Priority is null ? 0 : 1);
}
