using Ventanilla.Tickets;

namespace Ventanilla.Deadlines;

// Enum members will travel as snake_case text once rules are stored, so renaming one is a
// breaking change for stored rows.

/// <summary>Which clock of a ticket a rule sets.</summary>
public enum DeadlineKind
{
    /// <summary>The first answer to the subscriber, e.g. the cancellation folio.</summary>
    FirstResponse,

    /// <summary>The fix or the answer that settles the ticket.</summary>
    Resolution,

    /// <summary>The written receipt owed after a report by phone.</summary>
    WrittenReceipt,

    /// <summary>The written confirmation of agreements reached by phone or electronically, counted from the agreement.</summary>
    AgreementConfirmation,
}

public enum DeadlineUnit { CalendarHours, CalendarDays, BusinessHours, BusinessDays }

/// <summary>
/// How long the provider has for one clock of a kind of ticket, optionally only for one area or
/// priority. Zero means at once. Pausing rules stop the clock while the ticket waits on the
/// subscriber, for terms the provider cannot meet without them (access to the home, a document);
/// the defaults never pause, as the authority's terms say nothing of it.
/// </summary>
public sealed record DeadlineRule(
    TicketKind Kind,
    DeadlineKind What,
    int Amount,
    DeadlineUnit Unit,
    string? AreaCode = null,
    TicketPriority? Priority = null,
    bool PausesWhileWaitingOnSubscriber = false)
{
    internal bool IsInBusinessTime => Unit is DeadlineUnit.BusinessHours or DeadlineUnit.BusinessDays;
}
