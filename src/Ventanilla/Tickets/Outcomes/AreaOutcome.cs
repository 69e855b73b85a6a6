namespace Ventanilla.Tickets.Outcomes;

/// <summary>How the owning area settled a complaint or a clarification.</summary>
public enum AreaOutcome { Clarified, Conciliated, Repaired, Rejected }

public static class AreaOutcomeLabels
{
    public static string Of(AreaOutcome outcome) => outcome switch
    {
        AreaOutcome.Clarified => "aclarado",
        AreaOutcome.Conciliated => "conciliado",
        AreaOutcome.Repaired => "reparado",
        _ => "rechazado",
    };
}
