using System.Globalization;
using Ventanilla.Tickets.Outcomes;
using Ventanilla.Web;

namespace Ventanilla.Tickets;

public sealed partial class Ticket
{
    public const int OutcomeTextLength = 4_000;

    /// <summary>Kinds that go to an area, which settles them with an outcome before the subscriber is told.</summary>
    public static bool NeedsAreaOutcome(TicketKind kind) => kind is TicketKind.Complaint or TicketKind.Clarification;

    /// <summary>Whether the area <paramref name="areaId"/> owns this ticket now; no area owns an unrouted one.</summary>
    public bool IsOwnedByArea(int? areaId) => areaId is not null && AreaId == areaId;

    /// <summary>
    /// The area's settlement of a complaint or clarification. It resolves the ticket too: the
    /// outcome is the finding, and a rejected report is the one not upheld.
    /// </summary>
    public RuleViolation? RecordOutcome(AreaOutcome outcome, string? text, Actor actor, DateTime now)
    {
        if (!NeedsAreaOutcome(Kind))
        {
            return Violation("Solo las quejas y las aclaraciones llevan el resultado del área.", []);
        }

        if (OutcomeProblem(outcome, text) is { } problem)
        {
            return Violation(problem, ["outcomeText"]);
        }

        var label = AreaOutcomeLabels.Of(outcome);
        var detail = string.IsNullOrWhiteSpace(text) ? CultureInfo.GetCultureInfo("es-MX").TextInfo.ToTitleCase(label) : text.Trim();
        if (RecordResolution(label, detail, outcome != AreaOutcome.Rejected, null, actor, now) is { } refused)
        {
            return refused;
        }

        Outcome = outcome;
        OutcomeText = text?.Trim();
        OutcomeAt = now;
        Touch(new TimelineEntry(TimelineEntryType.OutcomeRecorded, actor, now, OutcomeText,
            field: "outcome", to: Wire.Name(outcome)), now);
        return null;
    }

    /// <summary>What an outcome lacks: a conciliation needs its agreement, a rejection its reasons.</summary>
    public static string? OutcomeProblem(AreaOutcome outcome, string? text) => outcome switch
    {
        AreaOutcome.Conciliated when string.IsNullOrWhiteSpace(text) => "Una conciliación necesita el texto del acuerdo alcanzado con el suscriptor.",
        AreaOutcome.Rejected when string.IsNullOrWhiteSpace(text) => "Un rechazo necesita las razones que se darán al suscriptor.",
        _ when text?.Trim().Length > OutcomeTextLength => $"El texto admite hasta {OutcomeTextLength} caracteres.",
        _ => null,
    };

    /// <summary>Sets the date a cancellation takes effect; it must be known before the cancellation is resolved.</summary>
    public RuleViolation? SetCancellationDate(DateOnly effectiveOn, Actor actor, DateTime now)
    {
        if (Kind != TicketKind.Cancellation)
        {
            return Violation("Solo una solicitud de cancelación lleva fecha efectiva.", []);
        }

        if (!TicketLifecycle.IsOpen(Status))
        {
            return Violation("El folio ya está cerrado; su fecha efectiva no cambia.", []);
        }

        var before = CancellationEffectiveOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        CancellationEffectiveOn = effectiveOn;
        Touch(new TimelineEntry(TimelineEntryType.FieldChanged, actor, now, null, field: "cancellationEffectiveOn",
            from: before, to: effectiveOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), now);
        return null;
    }

    /// <summary>What resolving this ticket still lacks beyond the lifecycle: a cancellation's effective date.</summary>
    private RuleViolation? MissingBeforeResolving() =>
        Kind == TicketKind.Cancellation && CancellationEffectiveOn is null
            ? Violation("Antes de resolver una cancelación, registra la fecha en que surte efecto.", [MissingCancellationDate])
            : null;

    public const string MissingCancellationDate = "cancellationEffectiveOn";
    public const string MissingOutcome = "outcome";
}
