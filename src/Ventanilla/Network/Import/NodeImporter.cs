using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;

namespace Ventanilla.Network.Import;

/// <summary>
/// Makes the stored tree say what a file of nodes says. A parent may come after its child in the
/// file; nodes the file does not name stay as they are. A tree is a few thousand nodes, so it is
/// held whole in memory and written in one transaction.
/// </summary>
public sealed class NodeImporter(VentanillaDbContext db)
{
    public async Task ImportAsync(IReadOnlyList<NodeRow> rows, ImportTally tally, DateTime now, CancellationToken ct)
    {
        tally.Total = rows.Count;
        var stored = await db.NetworkNodes.ToDictionaryAsync(n => n.Code, StringComparer.Ordinal, ct);
        var codeOf = stored.Values.ToDictionary(n => n.Id, n => n.Code);
        var wanted = Accept(rows, tally);

        // Where each node is to hang once the file is applied: the file's word, else where it hangs now.
        string? ParentOf(string code) => wanted.TryGetValue(code, out var row) && row.Carries.HasFlag(NodeFields.Parent)
            ? row.ParentCode
            : stored.TryGetValue(code, out var node) && node.ParentId is { } id ? codeOf[id] : null;

        RefuseUnplaceable(wanted, stored, ParentOf, tally);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var created = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in wanted.Values.Where(r => !stored.ContainsKey(r.Code!)))
        {
            var node = NetworkNode.Create(row.Code!, row.Name ?? row.Code!, row.Kind, now);
            db.NetworkNodes.Add(node);
            stored[node.Code] = node;
            created.Add(node.Code);
        }

        // Ids first: a node's path is made of them.
        await db.SaveChangesAsync(ct);
        var all = stored.Values.ToList();
        foreach (var row in wanted.Values.OrderBy(r => DepthOf(r.Code!, ParentOf)))
        {
            var node = stored[row.Code!];
            var parent = ParentOf(node.Code) is { } parentCode ? stored[parentCode] : null;
            var changed = false;
            if (created.Contains(node.Code) || node.ParentId != parent?.Id)
            {
                var (oldPath, oldDepth) = (node.Path, node.Depth);
                node.PlaceUnder(parent, now);
                if (!created.Contains(node.Code))
                {
                    // A new node has nothing under it yet, and its placeholder path "/" would match every node.
                    NetworkPaths.Rebase(node, oldPath, oldDepth, all, now);
                }

                changed = true;
            }

            changed |= node.Describe(
                row.Carries.HasFlag(NodeFields.Name) && row.Name is not null ? row.Name : node.Name,
                row.Carries.HasFlag(NodeFields.Kind) ? row.Kind : node.Kind,
                row.Carries.HasFlag(NodeFields.PostalCodes) ? row.PostalCodes : node.PostalCodes,
                row.Carries.HasFlag(NodeFields.Neighborhoods) ? row.Neighborhoods : node.Neighborhoods,
                now);
            if (created.Contains(node.Code))
            {
                tally.Created++;
            }
            else if (changed)
            {
                tally.Updated++;
            }
            else
            {
                tally.Unchanged++;
            }
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        tally.Read = rows.Count;
    }

    // The rows that can be used, by code; a bad row or a repeated code is refused with its reason.
    private static Dictionary<string, NodeRow> Accept(IReadOnlyList<NodeRow> rows, ImportTally tally)
    {
        var wanted = new Dictionary<string, NodeRow>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.Problem is { } problem)
            {
                tally.Refusals.Add(row.Row, row.Code, problem);
            }
            else if (wanted.TryGetValue(row.Code!, out var first))
            {
                tally.Refusals.Add(row.Row, row.Code, $"El código «{row.Code}» se repite: ya venía en la fila {first.Row}.");
            }
            else if (row.Carries.HasFlag(NodeFields.Parent) && row.ParentCode == row.Code)
            {
                tally.Refusals.Add(row.Row, row.Code, "El nodo no puede ser su propio padre.");
            }
            else
            {
                wanted[row.Code!] = row;
            }
        }

        return wanted;
    }

    // Refuses, until nothing changes, rows whose parent exists nowhere, rows that would close a
    // cycle, and rows whose only parent was itself refused.
    private static void RefuseUnplaceable(Dictionary<string, NodeRow> wanted, Dictionary<string, NetworkNode> stored,
        Func<string, string?> parentOf, ImportTally tally)
    {
        var refused = new Dictionary<string, string>(StringComparer.Ordinal);
        bool again;
        do
        {
            again = false;
            foreach (var row in wanted.Values.ToList())
            {
                var parent = parentOf(row.Code!);
                string? reason = null;
                if (parent is not null && !wanted.ContainsKey(parent) && !stored.ContainsKey(parent))
                {
                    reason = refused.ContainsKey(parent)
                        ? $"Su padre «{parent}» fue rechazado."
                        : $"El padre «{parent}» no existe ni viene en el archivo.";
                }
                else if (CycleFrom(row.Code!, parentOf) is { } cycle)
                {
                    reason = $"Formaría un ciclo: {cycle}.";
                }

                if (reason is not null)
                {
                    tally.Refusals.Add(row.Row, row.Code, reason);
                    wanted.Remove(row.Code!);
                    refused[row.Code!] = reason;
                    again = true;
                }
            }
        }
        while (again);
    }

    private static string? CycleFrom(string code, Func<string, string?> parentOf)
    {
        var path = new List<string> { code };
        var seen = new HashSet<string>(StringComparer.Ordinal) { code };
        for (var up = parentOf(code); up is not null; up = parentOf(up))
        {
            path.Add(up);
            if (up == code)
            {
                return string.Join(" → ", path);
            }

            if (!seen.Add(up))
            {
                // A cycle above this node, not through it: that cycle's own rows are refused.
                return null;
            }
        }

        return null;
    }

    private static int DepthOf(string code, Func<string, string?> parentOf)
    {
        var depth = 0;
        for (var up = parentOf(code); up is not null && depth < 10_000; up = parentOf(up))
        {
            depth++;
        }

        return depth;
    }
}
