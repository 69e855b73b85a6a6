namespace Ventanilla.Visits;

// Stored and sent as snake_case text, like every enum of the model.

/// <summary>The two half-day windows subscribers are offered, or an exact slot agreed with them.</summary>
public enum VisitWindowKind { Morning, Afternoon, Exact }

/// <summary>
/// Scheduled until the technician records the arrival; done or missed at the end. A rescheduled
/// visit is kept as it was, and its replacement points back at it.
/// </summary>
public enum VisitStatus { Scheduled, Arrived, Done, Missed, Rescheduled }

public static class VisitLabels
{
    public static string Of(VisitStatus status) => status switch
    {
        VisitStatus.Scheduled => "programada",
        VisitStatus.Arrived => "técnico en el domicilio",
        VisitStatus.Done => "realizada",
        VisitStatus.Missed => "no realizada",
        _ => "reprogramada",
    };
}
