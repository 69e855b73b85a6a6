namespace Ventanilla.Network.Outages;

// Stored and sent as snake_case text, like every enum of the model.

public enum OutageKind { Unplanned, PlannedMaintenance, Degradation }

/// <summary>
/// Proposed (by clustering, waiting for a supervisor) or dismissed sit outside the procedure; a
/// declared outage goes investigando → identificada → monitoreo → restablecida → cerrada. The
/// order of the values is the order of the procedure.
/// </summary>
public enum OutageStatus { Proposed, Investigating, Identified, Monitoring, Restored, Closed, Dismissed }

/// <summary>Who brought the outage in.</summary>
public enum OutageSource { Staff, Monitoring, Clustering }

public enum OutageEntryType
{
    Proposed,
    Declared,
    Confirmed,
    Dismissed,
    StatusChanged,
    EstimateChanged,
    CauseRecorded,
    NodesChanged,
    Restored,
    Closed,
    Note,
    ReportLinked,
    NoticesQueued,
    CompensationComputed,
}

public static class OutageLabels
{
    public static string Of(OutageStatus status) => status switch
    {
        OutageStatus.Proposed => "propuesta",
        OutageStatus.Investigating => "investigando",
        OutageStatus.Identified => "identificada",
        OutageStatus.Monitoring => "en monitoreo",
        OutageStatus.Restored => "restablecida",
        OutageStatus.Closed => "cerrada",
        _ => "descartada",
    };

    public static string Of(OutageKind kind) => kind switch
    {
        OutageKind.Unplanned => "falla no planeada",
        OutageKind.PlannedMaintenance => "mantenimiento programado",
        _ => "degradación del servicio",
    };

    public static string Of(OutageSource source) => source switch
    {
        OutageSource.Staff => "declarada por el personal",
        OutageSource.Monitoring => "declarada por el sistema de monitoreo",
        _ => "propuesta por los reportes agrupados",
    };
}
