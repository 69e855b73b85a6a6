using Ventanilla.Web;

namespace Ventanilla.Network.Outages;

/// <summary>Declares an outage: kind (unplanned, planned_maintenance, degradation), title, node codes, times in UTC.</summary>
public sealed record DeclareOutageRequest(string? Kind, string? Title, string[]? Nodes, DateTime? StartedAt, DateTime? EstimatedRestorationAt);

/// <summary>Moves an outage to identified or monitoring. <c>version</c>, when sent, must be the one last read.</summary>
public sealed record OutageStatusRequest(string? Status, string? Note, int? Version);

public sealed record OutageEstimateRequest(DateTime? EstimatedRestorationAt, int? Version);

/// <summary><c>attributable</c>: yes (the provider's fault), no (fortuitous cause or force majeure), or undetermined.</summary>
public sealed record OutageCauseRequest(string? Cause, string? Attributable, string? Evidence, int? Version);

public sealed record OutageRestoreRequest(DateTime? RestoredAt, string? Note, int? Version);

public sealed record OutageNoteRequest(string? Note, int? Version);

public sealed record OutageNodesRequest(string[]? Nodes, int? Version);

public sealed record OutageNodeResponse(long Id, string Code, string Name);

public sealed record OutageEntryResponse(DateTime At, string Type, string Actor, string? Body, string? From, string? To);

public sealed record OutageResponse(
    long Id,
    string Code,
    string Kind,
    string Status,
    string Source,
    string Title,
    OutageNodeResponse[] Nodes,
    DateTime StartedAt,
    DateTime DetectedAt,
    DateTime? DeclaredAt,
    DateTime? EstimatedRestorationAt,
    DateTime? RestoredAt,
    DateTime? ClosedAt,
    string? Cause,
    string Attributable,
    string? AttributionEvidence,
    string? ExternalKey,
    int LinkedReports,
    int ActiveServices,
    int Version,
    OutageEntryResponse[]? Timeline)
{
    public static OutageResponse From(Outage o, IReadOnlyDictionary<long, NetworkNode> nodes, int linked, int services, bool withTimeline) => new(
        o.Id, o.Code, Wire.Name(o.Kind), Wire.Name(o.Status), Wire.Name(o.Source), o.Title,
        [.. o.Nodes.Select(n => nodes.TryGetValue(n.NodeId, out var node)
            ? new OutageNodeResponse(node.Id, node.Code, node.Name) : new OutageNodeResponse(n.NodeId, "", ""))],
        o.StartedAt, o.DetectedAt, o.DeclaredAt, o.EstimatedRestorationAt, o.RestoredAt, o.ClosedAt, o.Cause,
        Attribution.Name(o.AttributableToProvider), o.AttributionEvidence, o.ExternalKey, linked, services, o.Version,
        withTimeline ? [.. o.Timeline.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new OutageEntryResponse(e.At, Wire.Name(e.Type), e.ActorName, e.Body, e.From, e.To))] : null);
}

/// <summary>Attribution as the API and the forms write it: yes, no or undetermined.</summary>
public static class Attribution
{
    public static string Name(bool? attributable) => attributable switch { true => "yes", false => "no", _ => "undetermined" };

    public static bool TryParse(string? text, out bool? attributable)
    {
        attributable = null;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "yes":
                attributable = true;
                return true;
            case "no":
                attributable = false;
                return true;
            case null or "" or "undetermined":
                return true;
            default:
                return false;
        }
    }

    public static string Label(bool? attributable) => attributable switch
    {
        true => "imputable al proveedor",
        false => "caso fortuito o fuerza mayor",
        _ => "por determinar",
    };
}
