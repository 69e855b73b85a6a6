using System.Text.Json;
using Ventanilla.Subscribers.Services;

namespace Ventanilla.Network.Import;

/// <summary>
/// The files LibreQoS keeps, which many WISPs already maintain: <c>network.json</c> (the tree of sites
/// and access points, nested objects keyed by the node's name, with <c>children</c> and <c>type</c>)
/// and <c>ShapedDevices.csv</c> (one row per device; a circuit is one subscriber's service).
/// </summary>
public static class LibreQosParsers
{
    /// <summary>The nodes of a network.json, parents before their children; a row number is the node's place in the file.</summary>
    public static Parsed<NodeRow> Network(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 512, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException error)
        {
            return new Parsed<NodeRow>([], $"El archivo no es un network.json válido: {error.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new Parsed<NodeRow>([], "El network.json debe ser un objeto con los nodos raíz, como {\"Sitio_1\": {…}}.");
            }

            var rows = new List<NodeRow>();
            Walk(document.RootElement, null, rows);
            return new Parsed<NodeRow>(rows);
        }
    }

    // Bandwidths and LibreQoS's own ids are not Ventanilla's business; name and type are.
    private static void Walk(JsonElement children, string? parent, List<NodeRow> rows)
    {
        foreach (var property in children.EnumerateObject())
        {
            var code = property.Name.Trim();
            var node = property.Value;
            if (node.ValueKind != JsonValueKind.Object)
            {
                rows.Add(new NodeRow(rows.Count + 1, code, NodeFields.None, Problem: $"El nodo «{code}» no es un objeto JSON."));
                continue;
            }

            var name = Text(node, "name");
            var kind = Text(node, "type");
            var carries = NodeFields.Parent | (name is null ? 0 : NodeFields.Name) | (kind is null ? 0 : NodeFields.Kind);
            rows.Add(new NodeRow(rows.Count + 1, code.Length == 0 ? null : code, carries, name, ImportValues.Cut(kind, 60), parent,
                Problem: ImportValues.CodeProblem(code.Length == 0 ? null : code, NetworkNode.CodeLength, "nodo")));
            if (node.TryGetProperty("children", out var nested) && nested.ValueKind == JsonValueKind.Object)
            {
                Walk(nested, code, rows);
            }
        }
    }

    private static string? Text(JsonElement node, string name) =>
        node.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim() is { Length: > 0 } text
            ? text : null;

    /// <summary>
    /// One service per circuit: a circuit's several devices collapse into it. The contract number is
    /// read from <paramref name="contract"/>. Price, cut-off day, state and address are not in the file,
    /// so they stay as the billing import left them.
    /// </summary>
    public static Parsed<ServiceRow> ShapedDevices(string text, ContractColumn contract)
    {
        var records = Csv.Read(text, comments: true);
        if (records.Count == 0)
        {
            return new Parsed<ServiceRow>([], "El archivo está vacío.");
        }

        var columns = Csv.Columns(records[0]);
        if (!columns.TryGetValue("circuit_id", out var circuit) || !columns.TryGetValue("parent_node", out var parent))
        {
            return new Parsed<ServiceRow>([], "Faltan las columnas «Circuit ID» y «Parent Node» en la primera línea: no parece un ShapedDevices.csv.");
        }

        var contractName = contract switch
        {
            ContractColumn.CircuitName => "circuit_name",
            ContractColumn.Comment => "comment",
            _ => "circuit_id",
        };
        if (!columns.TryGetValue(contractName, out var account))
        {
            return new Parsed<ServiceRow>([], $"Falta la columna «{contractName}» de la que se toma el contrato.");
        }

        var rows = new List<ServiceRow>();
        var seen = new Dictionary<string, ServiceRow>(StringComparer.Ordinal);
        foreach (var r in records.Skip(1).Where(CsvParsers.HasData))
        {
            var code = r[circuit];
            if (code is not null && seen.TryGetValue(code, out var first))
            {
                // Another device of a circuit already read: the same service, unless it names another node.
                if (!string.Equals(first.NodeCode, r[parent], StringComparison.Ordinal))
                {
                    rows.Add(new ServiceRow(r.Line, code, ServiceFields.None,
                        Problem: $"El circuito ya apareció en la fila {first.Row} con el nodo «{first.NodeCode}»; aquí dice «{r[parent]}»."));
                }

                continue;
            }

            var number = r[account];
            var problem = ImportValues.CodeProblem(code, Service.CodeLength, "servicio")
                ?? (number?.Length > 40 ? "El contrato pasa de 40 caracteres." : null);
            var row = new ServiceRow(r.Line, code, ServiceFields.Account | ServiceFields.Node, number, r[parent], Problem: problem);
            rows.Add(row);
            if (code is not null)
            {
                seen[code] = row;
            }
        }

        return new Parsed<ServiceRow>(rows);
    }
}
