using System.Linq.Expressions;
using Ventanilla.Data;
using Ventanilla.Subscribers.Services;

namespace Ventanilla.Network;

/// <summary>The questions every outage asks of the tree, as queries both databases run from an index.</summary>
public static class NetworkQueries
{
    /// <summary>The nodes that are, or hang under, any of the given paths.</summary>
    public static IQueryable<NetworkNode> NodesUnder(this VentanillaDbContext db, IEnumerable<string> paths) =>
        db.NetworkNodes.Where(UnderAny(paths));

    /// <summary>The services hanging from any node at or under the given paths, whatever their state.</summary>
    public static IQueryable<Service> ServicesUnder(this VentanillaDbContext db, IEnumerable<string> paths)
    {
        var nodes = db.NodesUnder(paths).Select(n => n.Id);
        return db.Services.Where(s => s.NodeId != null && nodes.Contains(s.NodeId.Value));
    }

    /// <summary>The active services under the given paths: the ones an outage tells and compensates.</summary>
    public static IQueryable<Service> ActiveServicesUnder(this VentanillaDbContext db, IEnumerable<string> paths) =>
        db.ServicesUnder(paths).Where(s => s.State == ServiceState.Active);

    // n.Path LIKE '/1/7/%' OR n.Path LIKE '/1/9/%': an OR of prefixes, which EF turns into LIKE on
    // both databases (a list's Any(StartsWith) it cannot translate).
    private static Expression<Func<NetworkNode, bool>> UnderAny(IEnumerable<string> paths)
    {
        var node = Expression.Parameter(typeof(NetworkNode), "n");
        var path = Expression.Property(node, nameof(NetworkNode.Path));
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        Expression body = Expression.Constant(false);
        foreach (var prefix in paths.Distinct(StringComparer.Ordinal))
        {
            body = Expression.OrElse(body, Expression.Call(path, startsWith, Expression.Constant(prefix)));
        }

        return Expression.Lambda<Func<NetworkNode, bool>>(body, node);
    }
}
