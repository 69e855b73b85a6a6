using System.Globalization;
using Ventanilla.Tickets;

namespace Ventanilla.Network.Outages;

/// <summary>
/// A falla masiva: one network failure behind many reports, with the nodes it hits, its times, its
/// cause and whether the provider is to blame, and its own timeline. Planned maintenance is the
/// same record with a future start.
/// </summary>
public sealed partial class Outage
{
    public const int TitleLength = 200;
    public const int TextLength = 4000;

    private readonly List<OutageNode> nodes = [];
    private readonly List<OutageEntry> timeline = [];

    private Outage()
    {
    }

    public long Id { get; private set; }

    /// <summary>How staff and subscribers name it: <c>FM-000042</c>.</summary>
    public string Code => string.Create(CultureInfo.InvariantCulture, $"FM-{Id:D6}");
    public OutageKind Kind { get; private set; }
    public OutageStatus Status { get; private set; }
    public OutageSource Source { get; private set; }
    public string Title { get; private set; } = "";
    public string? Cause { get; private set; }

    /// <summary>Null until someone decides; it decides whether compensation is owed from the first minute or only past the force-majeure threshold.</summary>
    public bool? AttributableToProvider { get; private set; }
    public string? AttributionEvidence { get; private set; }

    /// <summary>When the failure began (or planned work starts): the start of every service's time without service.</summary>
    public DateTime StartedAt { get; private set; }
    public DateTime DetectedAt { get; private set; }

    /// <summary>When a person or a monitoring system declared it; null while it is only a proposal.</summary>
    public DateTime? DeclaredAt { get; private set; }
    public DateTime? EstimatedRestorationAt { get; private set; }
    public DateTime? RestoredAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }

    /// <summary>The monitoring system's key for the alert (or the clustering rule's): unique, so an alert sent twice opens one outage.</summary>
    public string? ExternalKey { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public IReadOnlyList<OutageNode> Nodes => nodes;
    public IReadOnlyList<OutageEntry> Timeline => timeline;

    public bool IsActive => Status is OutageStatus.Investigating or OutageStatus.Identified or OutageStatus.Monitoring;

    /// <summary>Declared by a supervisor or a monitoring system: it is an outage from this moment.</summary>
    public static Outage Declare(OutageDraft draft, OutageSource source, Actor actor, DateTime now, string? externalKey = null)
    {
        var outage = New(draft, source, now, externalKey);
        outage.DeclaredAt = now;
        outage.Status = draft.Kind == OutageKind.PlannedMaintenance ? OutageStatus.Identified : OutageStatus.Investigating;
        outage.timeline.Add(new OutageEntry(OutageEntryType.Declared, actor, now, draft.Title));
        return outage;
    }

    /// <summary>Proposed by report clustering: nothing is linked or told until a supervisor confirms it.</summary>
    public static Outage Propose(OutageDraft draft, string reason, DateTime now, string externalKey)
    {
        var outage = New(draft, OutageSource.Clustering, now, externalKey);
        outage.Status = OutageStatus.Proposed;
        outage.timeline.Add(new OutageEntry(OutageEntryType.Proposed, Actor.System, now, reason));
        return outage;
    }

    public OutageRefusal? Confirm(Actor actor, DateTime now)
    {
        if (Status != OutageStatus.Proposed)
        {
            return new OutageRefusal("Solo una falla propuesta se confirma.");
        }

        DeclaredAt = now;
        Status = OutageStatus.Investigating;
        Touch(new OutageEntry(OutageEntryType.Confirmed, actor, now, null), now);
        return null;
    }

    public OutageRefusal? Dismiss(string reason, Actor actor, DateTime now)
    {
        if (Status != OutageStatus.Proposed)
        {
            return new OutageRefusal("Solo una falla propuesta se descarta.");
        }

        Status = OutageStatus.Dismissed;
        ClosedAt = now;
        Touch(new OutageEntry(OutageEntryType.Dismissed, actor, now, reason), now);
        return null;
    }

    /// <summary>
    /// Moves forward through investigando → identificada → monitoreo; restoring and closing have
    /// their own methods because they carry a time and set off notices and compensation.
    /// </summary>
    public OutageRefusal? Advance(OutageStatus to, string? note, Actor actor, DateTime now)
    {
        if (!(IsActive && to is OutageStatus.Identified or OutageStatus.Monitoring && to > Status))
        {
            return new OutageRefusal($"Una falla {OutageLabels.Of(Status)} no pasa a {OutageLabels.Of(to)}.");
        }

        var from = Status;
        Status = to;
        Touch(new OutageEntry(OutageEntryType.StatusChanged, actor, now, note, OutageLabels.Of(from), OutageLabels.Of(to)), now);
        return null;
    }

    /// <summary>Service is back: from <paramref name="restoredAt"/> nobody under the nodes counts as without service.</summary>
    public OutageRefusal? Restore(DateTime restoredAt, string? note, Actor actor, DateTime now)
    {
        if (!IsActive)
        {
            return new OutageRefusal($"Una falla {OutageLabels.Of(Status)} no se restablece.");
        }

        if (!(restoredAt >= StartedAt && restoredAt <= now))
        {
            return new OutageRefusal("La hora de restablecimiento debe quedar entre el inicio de la falla y ahora.");
        }

        var from = Status;
        Status = OutageStatus.Restored;
        RestoredAt = restoredAt;
        Touch(new OutageEntry(OutageEntryType.Restored, actor, now, note, OutageLabels.Of(from), OutageLabels.Of(Status)), now);
        return null;
    }

    public OutageRefusal? Close(string? note, Actor actor, DateTime now)
    {
        if (Status != OutageStatus.Restored)
        {
            return new OutageRefusal("Solo una falla restablecida se cierra.");
        }

        Status = OutageStatus.Closed;
        ClosedAt = now;
        Touch(new OutageEntry(OutageEntryType.Closed, actor, now, note), now);
        return null;
    }

    /// <summary>A new estimate; an unchanged one writes nothing (callers compare before telling anyone).</summary>
    public OutageRefusal? Estimate(DateTime? estimatedRestorationAt, Actor actor, DateTime now)
    {
        if (!(Status is OutageStatus.Proposed || IsActive))
        {
            return new OutageRefusal("Solo una falla abierta cambia su estimación.");
        }

        if (estimatedRestorationAt == EstimatedRestorationAt)
        {
            return null;
        }

        var from = EstimatedRestorationAt;
        EstimatedRestorationAt = estimatedRestorationAt;
        Touch(new OutageEntry(OutageEntryType.EstimateChanged, actor, now, null, Moment(from), Moment(estimatedRestorationAt)), now);
        return null;
    }

    public OutageRefusal? RecordCause(string cause, bool? attributableToProvider, string? evidence, Actor actor, DateTime now)
    {
        if (Status == OutageStatus.Dismissed)
        {
            return new OutageRefusal("Una falla descartada no cambia.");
        }

        Cause = cause;
        AttributableToProvider = attributableToProvider;
        AttributionEvidence = evidence;
        var blame = attributableToProvider switch { true => "imputable al proveedor", false => "caso fortuito o fuerza mayor", _ => "imputabilidad por determinar" };
        Touch(new OutageEntry(OutageEntryType.CauseRecorded, actor, now, $"{cause} ({blame})"), now);
        return null;
    }

    /// <summary>Adds nodes the failure also hits; nodes it already covers are left as they are.</summary>
    public OutageRefusal? Cover(IEnumerable<NetworkNode> hit, Actor actor, DateTime now)
    {
        if (!(Status is OutageStatus.Proposed || IsActive))
        {
            return new OutageRefusal("Solo una falla abierta cambia sus nodos.");
        }

        var added = hit.Where(n => nodes.All(o => o.NodeId != n.Id)).ToList();
        foreach (var node in added)
        {
            nodes.Add(new OutageNode(node.Id, node.Path));
        }

        if (added.Count > 0)
        {
            Touch(new OutageEntry(OutageEntryType.NodesChanged, actor, now, string.Join(", ", added.Select(n => n.Code))), now);
        }

        return null;
    }

    /// <summary>A line on the outage's timeline that no state change makes (a note, a notice round, a linked report).</summary>
    public void Record(OutageEntryType type, string? body, Actor actor, DateTime now) => Touch(new OutageEntry(type, actor, now, body), now);

    /// <summary>True when the node hangs under (or is) one of the outage's nodes.</summary>
    public bool Covers(NetworkNode node) => nodes.Any(n => node.Path.StartsWith(n.NodePath, StringComparison.Ordinal));

    private static Outage New(OutageDraft draft, OutageSource source, DateTime now, string? externalKey)
    {
        var outage = new Outage
        {
            Kind = draft.Kind,
            Source = source,
            Title = draft.Title,
            StartedAt = draft.StartedAt ?? now,
            DetectedAt = draft.DetectedAt ?? now,
            EstimatedRestorationAt = draft.EstimatedRestorationAt,
            ExternalKey = externalKey,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        foreach (var node in draft.Nodes.DistinctBy(n => n.Id))
        {
            outage.nodes.Add(new OutageNode(node.Id, node.Path));
        }

        return outage;
    }

    private void Touch(OutageEntry entry, DateTime now)
    {
        timeline.Add(entry);
        UpdatedAt = now;
        Version++;
    }

    private static string? Moment(DateTime? at) => at?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary>A change the outage's procedure does not allow from where it stands; the API answers it with 409.</summary>
public sealed record OutageRefusal(string Message);

/// <summary>What declaring or proposing an outage needs.</summary>
public sealed record OutageDraft(
    OutageKind Kind,
    string Title,
    IReadOnlyList<NetworkNode> Nodes,
    DateTime? StartedAt = null,
    DateTime? DetectedAt = null,
    DateTime? EstimatedRestorationAt = null);

/// <summary>
/// One node an outage hits, with the node's path copied so "is this service under the outage" is a
/// prefix comparison without a join.
/// </summary>
public sealed class OutageNode
{
    private OutageNode()
    {
    }

    internal OutageNode(long nodeId, string nodePath)
    {
        NodeId = nodeId;
        NodePath = nodePath;
    }

    public long OutageId { get; private set; }
    public long NodeId { get; private set; }
    public string NodePath { get; private set; } = "";
}

/// <summary>One line of an outage's history; only ever added.</summary>
public sealed class OutageEntry
{
    private OutageEntry()
    {
    }

    internal OutageEntry(OutageEntryType type, Actor actor, DateTime at, string? body, string? from = null, string? to = null)
    {
        Type = type;
        ActorId = actor.Id;
        ActorName = actor.Name;
        At = at;
        Body = body is { Length: > Outage.TextLength } ? body[..Outage.TextLength] : body;
        From = from;
        To = to;
    }

    public long Id { get; private set; }
    public long OutageId { get; private set; }
    public DateTime At { get; private set; }
    public OutageEntryType Type { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public string? Body { get; private set; }
    public string? From { get; private set; }
    public string? To { get; private set; }
}
