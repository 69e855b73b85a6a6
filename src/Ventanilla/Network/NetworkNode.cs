namespace Ventanilla.Network;

/// <summary>
/// One place in the provider's network that services hang from: a site or tower, an access point or
/// sector, an OLT, a PON port, a splitter. Nodes nest to any depth.
/// </summary>
public sealed class NetworkNode
{
    public const int CodeLength = 100;
    public const int NameLength = 200;
    public const int AreaListLength = 2000;

    private NetworkNode()
    {
    }

    public long Id { get; private set; }

    /// <summary>The provider's own name for the node (LibreQoS's node name, the OLT's host name): unique, how imports match.</summary>
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";

    /// <summary>What the node is, in the provider's words (sitio, torre, sector, OLT, puerto PON, divisor).</summary>
    public string? Kind { get; private set; }
    public long? ParentId { get; private set; }

    /// <summary>
    /// The ids from the root down to this node, as <c>/1/7/42/</c>. "Everything under a node" is
    /// then one prefix comparison on both databases instead of a recursive query.
    /// </summary>
    public string Path { get; private set; } = "/";
    public int Depth { get; private set; }

    /// <summary>Postal codes served, comma-separated: a report with only an address can still find its node.</summary>
    public string? PostalCodes { get; private set; }

    /// <summary>Colonias served, separated by semicolons (a colonia's name may hold a comma).</summary>
    public string? Neighborhoods { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public static NetworkNode Create(string code, string name, string? kind, DateTime now) =>
        new() { Code = code.Trim(), Name = name.Trim(), Kind = kind, CreatedAt = now, UpdatedAt = now };

    /// <summary>Changes what the node is called and serves; true when anything changed (an import run twice changes nothing).</summary>
    public bool Describe(string name, string? kind, string? postalCodes, string? neighborhoods, DateTime now)
    {
        if (Name == name && Kind == kind && PostalCodes == postalCodes && Neighborhoods == neighborhoods)
        {
            return false;
        }

        Name = name;
        Kind = kind;
        PostalCodes = postalCodes;
        Neighborhoods = neighborhoods;
        Touch(now);
        return true;
    }

    /// <summary>
    /// Hangs the node under a parent (null: a root). The node must have its id already. The caller
    /// rewrites the paths of the node's descendants with <see cref="NetworkPaths.Rebase"/>.
    /// </summary>
    public void PlaceUnder(NetworkNode? parent, DateTime now)
    {
        // A node not placed yet still has the placeholder path "/", which every path starts with;
        // nothing can hang under it, so only a placed node is checked for a cycle.
        if (parent is not null && (parent.Id == Id || (Path != "/" && parent.IsUnder(this))))
        {
            throw new InvalidOperationException("Un nodo no puede quedar debajo de sí mismo.");
        }

        ParentId = parent?.Id;
        Path = (parent?.Path ?? "/") + Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/";
        Depth = parent is null ? 0 : parent.Depth + 1;
        Touch(now);
    }

    /// <summary>True when this node is <paramref name="ancestor"/> or hangs anywhere below it.</summary>
    /// <remarks>A node not yet placed has the path "/", which every path starts with: it is above nothing.</remarks>
    public bool IsUnder(NetworkNode ancestor) => ancestor.Path != "/" && Path.StartsWith(ancestor.Path, StringComparison.Ordinal);

    internal void MovePath(string oldPrefix, string newPrefix, int depthChange, DateTime now)
    {
        Path = newPrefix + Path[oldPrefix.Length..];
        Depth += depthChange;
        Touch(now);
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>Keeps the materialized paths true when a subtree moves.</summary>
public static class NetworkPaths
{
    /// <summary>Rewrites every descendant of <paramref name="moved"/> after it moved from <paramref name="oldPath"/>.</summary>
    public static void Rebase(NetworkNode moved, string oldPath, int oldDepth, IEnumerable<NetworkNode> descendants, DateTime now)
    {
        foreach (var node in descendants.Where(d => d.Id != moved.Id && d.Path.StartsWith(oldPath, StringComparison.Ordinal)))
        {
            node.MovePath(oldPath, moved.Path, moved.Depth - oldDepth, now);
        }
    }
}
