using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Network.Import;
using Ventanilla.Web;

namespace Ventanilla.Network;

/// <summary>What the administration form says about a node.</summary>
public sealed class NodeInput
{
    public string? Code { get; set; }
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? ParentCode { get; set; }
    public string? PostalCodes { get; set; }
    public string? Neighborhoods { get; set; }
}

/// <summary>Creates, edits, moves and deletes nodes by hand, with the same checks an import makes.</summary>
public sealed class NetworkTreeEditor(VentanillaDbContext db, TimeProvider clock)
{
    /// <summary>Creates a node, or changes node <paramref name="id"/>; null with the errors by field when it cannot.</summary>
    public async Task<NetworkNode?> SaveAsync(long? id, NodeInput input, FieldErrors errors, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var node = id is { } existing ? await db.NetworkNodes.FirstOrDefaultAsync(n => n.Id == existing, ct) : null;
        var code = node?.Code ?? errors.Text("code", input.Code, NetworkNode.CodeLength, required: true);
        var name = errors.Text("name", input.Name, NetworkNode.NameLength, required: true);
        var kind = errors.Text("kind", input.Kind, 60, required: false);
        var postal = ImportValues.PostalCodes(Blank(input.PostalCodes), out var postalProblem);
        var areas = ImportValues.Neighborhoods(Blank(input.Neighborhoods), out var areaProblem);
        Note(errors, "postalCodes", postalProblem);
        Note(errors, "neighborhoods", areaProblem);
        if (node is null && code is not null && await db.NetworkNodes.AnyAsync(n => n.Code == code, ct))
        {
            errors.Add("code", "Ya existe un nodo con ese código.");
        }

        NetworkNode? parent = null;
        if (Blank(input.ParentCode) is { } parentCode)
        {
            parent = await db.NetworkNodes.FirstOrDefaultAsync(n => n.Code == parentCode, ct);
            if (parent is null)
            {
                errors.Add("parentCode", $"No existe el nodo «{parentCode}».");
            }
            else if (node is not null && parent.IsUnder(node))
            {
                errors.Add("parentCode", "Un nodo no puede quedar debajo de sí mismo ni de uno de los nodos que cuelgan de él.");
            }
        }

        if (errors.Any || code is null || name is null)
        {
            return null;
        }

        if (node is null)
        {
            node = NetworkNode.Create(code, name, kind, now);
            db.NetworkNodes.Add(node);
            // Its id first: the path is made of ids.
            await db.SaveChangesAsync(ct);
            node.PlaceUnder(parent, now);
        }
        else if (node.ParentId != parent?.Id)
        {
            var (oldPath, oldDepth) = (node.Path, node.Depth);
            var below = await db.NetworkNodes.Where(n => n.Path.StartsWith(oldPath) && n.Id != node.Id).ToListAsync(ct);
            node.PlaceUnder(parent, now);
            NetworkPaths.Rebase(node, oldPath, oldDepth, below, now);
        }

        node.Describe(name, kind, postal, areas, now);
        await db.SaveChangesAsync(ct);
        return node;
    }

    /// <summary>Deletes a node nothing hangs from; the reason in Spanish when something does.</summary>
    public async Task<string?> DeleteAsync(long id, CancellationToken ct)
    {
        var node = await db.NetworkNodes.FirstOrDefaultAsync(n => n.Id == id, ct);
        if (node is null)
        {
            return "Ese nodo ya no existe.";
        }

        if (await db.NetworkNodes.AnyAsync(n => n.ParentId == id, ct))
        {
            return "Solo se borra un nodo sin nodos debajo: mueve o borra primero los que cuelgan de él.";
        }

        if (await db.Services.AnyAsync(s => s.NodeId == id, ct))
        {
            return "Solo se borra un nodo sin servicios: cuelga sus servicios de otro nodo primero.";
        }

        if (await db.OutageNodes.AnyAsync(o => o.NodeId == id, ct))
        {
            return "El nodo figura en una falla masiva y se conserva como parte de su historia.";
        }

        db.NetworkNodes.Remove(node);
        await db.SaveChangesAsync(ct);
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static void Note(FieldErrors errors, string field, string? problem)
    {
        if (problem is not null)
        {
            errors.Add(field, problem);
        }
    }
}
