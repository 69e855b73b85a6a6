using Ventanilla.Web;

namespace Ventanilla.Network.Compensation;

/// <summary>A line as the API, the export and the webhook give it.</summary>
public sealed record CompensationLineResponse(
    long Id,
    string State,
    string Source,
    long? OutageId,
    long? TicketId,
    long ServiceId,
    long? SubscriberId,
    string Reference,
    DateTime From,
    DateTime To,
    int MinutesWithoutService,
    decimal? MonthlyPriceMxn,
    DateOnly PeriodFirst,
    DateOnly PeriodLast,
    int Units,
    string UnitName,
    int PolicyVersion,
    decimal BaseMxn,
    decimal BonusMxn,
    decimal AmountMxn,
    string Explanation,
    string? Reason,
    DateOnly ApplyBy,
    DateTime? DecidedAt,
    string? DecidedBy,
    DateTime? AppliedAt,
    string? AppliedReference)
{
    public static CompensationLineResponse Of(CompensationLine l, string reference) => new(
        l.Id, Wire.Name(l.State), Wire.Name(l.Source), l.OutageId, l.TicketId, l.ServiceId, l.SubscriberId, reference,
        l.From, l.To, l.MinutesWithoutService, l.MonthlyPriceMxn, l.PeriodFirst, l.PeriodLast, l.Units, l.UnitName,
        l.PolicyNumber, l.BaseMxn, l.BonusMxn, l.AmountMxn, l.Explanation, l.Reason, l.ApplyBy, l.DecidedAt, l.DecidedByName,
        l.AppliedAt, l.AppliedReference);
}

/// <summary>The billing system's credit note for a line.</summary>
public sealed record AppliedRequest(string? Reference);

/// <summary>Why a supervisor says a line does not proceed.</summary>
public sealed record RejectRequest(string? Reason);

/// <summary>What an import of the billing system's answer did, row by row.</summary>
public sealed record AppliedImportResponse(int Applied, int Unchanged, IReadOnlyList<string> Refused);
