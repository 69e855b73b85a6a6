using System.Globalization;
using Ventanilla.Subscribers.Services;

namespace Ventanilla.Network.Import;

/// <summary>
/// The two CSV files Ventanilla documents: the nodes (<c>codigo,nombre,tipo,padre,codigos_postales,colonias</c>)
/// and the services (<c>servicio,contrato,nodo,estado,plan,precio_mensual,dia_corte,calle,colonia,codigo_postal</c>).
/// A column left out of the header keeps what is stored; a blank cell in a present column blanks it.
/// </summary>
public static class CsvParsers
{
    public static Parsed<NodeRow> Nodes(string text)
    {
        var records = Csv.Read(text);
        if (records.Count == 0)
        {
            return new Parsed<NodeRow>([], "El archivo está vacío.");
        }

        var columns = Csv.Columns(records[0]);
        if (!columns.TryGetValue("codigo", out var code))
        {
            return new Parsed<NodeRow>([], "Falta la columna «codigo» en la primera línea.");
        }

        int? name = Find(columns, "nombre"), kind = Find(columns, "tipo"), parent = Find(columns, "padre");
        int? postal = Find(columns, "codigos_postales"), colonias = Find(columns, "colonias");
        var carries = (name is null ? 0 : NodeFields.Name) | (kind is null ? 0 : NodeFields.Kind)
            | (parent is null ? 0 : NodeFields.Parent) | (postal is null ? 0 : NodeFields.PostalCodes)
            | (colonias is null ? 0 : NodeFields.Neighborhoods);
        var rows = new List<NodeRow>(records.Count);
        foreach (var r in records.Skip(1).Where(HasData))
        {
            var codes = ImportValues.PostalCodes(r[postal], out var postalProblem);
            var areas = ImportValues.Neighborhoods(r[colonias], out var areaProblem);
            rows.Add(new NodeRow(r.Line, r[code], carries, r[name], ImportValues.Cut(r[kind], 60), r[parent], codes, areas,
                ImportValues.CodeProblem(r[code], NetworkNode.CodeLength, "nodo")
                ?? (r[name]?.Length > NetworkNode.NameLength ? $"El nombre pasa de {NetworkNode.NameLength} caracteres." : null)
                ?? postalProblem ?? areaProblem));
        }

        return new Parsed<NodeRow>(rows);
    }

    public static Parsed<ServiceRow> Services(string text)
    {
        var records = Csv.Read(text);
        if (records.Count == 0)
        {
            return new Parsed<ServiceRow>([], "El archivo está vacío.");
        }

        var columns = Csv.Columns(records[0]);
        if (!columns.TryGetValue("servicio", out var code))
        {
            return new Parsed<ServiceRow>([], "Falta la columna «servicio» en la primera línea.");
        }

        int? account = Find(columns, "contrato"), node = Find(columns, "nodo"), state = Find(columns, "estado");
        int? plan = Find(columns, "plan"), price = Find(columns, "precio_mensual"), cutoff = Find(columns, "dia_corte");
        int? street = Find(columns, "calle"), colonia = Find(columns, "colonia"), postal = Find(columns, "codigo_postal");
        var carries = (account is null ? 0 : ServiceFields.Account) | (node is null ? 0 : ServiceFields.Node)
            | (state is null ? 0 : ServiceFields.State) | (plan is null ? 0 : ServiceFields.Plan)
            | (price is null ? 0 : ServiceFields.Price) | (cutoff is null ? 0 : ServiceFields.Cutoff)
            | (street is null && colonia is null && postal is null ? 0 : ServiceFields.Address);
        var rows = new List<ServiceRow>(records.Count);
        foreach (var r in records.Skip(1).Where(HasData))
        {
            var problem = ImportValues.CodeProblem(r[code], Service.CodeLength, "servicio");
            var serviceState = State(r[state], ref problem);
            var amount = Price(r[price], ref problem);
            var day = Cutoff(r[cutoff], ref problem);
            if (problem is null && r[account]?.Length > 40)
            {
                problem = "El contrato pasa de 40 caracteres.";
            }

            rows.Add(new ServiceRow(r.Line, r[code], carries, r[account], r[node], serviceState, ImportValues.Cut(r[plan], 100),
                amount, day, ImportValues.Cut(r[street], 300), ImportValues.Cut(r[colonia], 150), ImportValues.Cut(r[postal], 10), problem));
        }

        return new Parsed<ServiceRow>(rows);
    }

    // A blank state keeps the stored one (a new service starts active): a blank is not a cancellation.
    private static ServiceState? State(string? text, ref string? problem)
    {
        switch (text is null ? null : Csv.HeaderKey(text))
        {
            case null:
                return null;
            case "activo" or "activa":
                return ServiceState.Active;
            case "suspendido" or "suspendida":
                return ServiceState.Suspended;
            case "cancelado" or "cancelada":
                return ServiceState.Cancelled;
            default:
                problem ??= $"El estado «{text}» no es activo, suspendido ni cancelado.";
                return null;
        }
    }

    private static decimal? Price(string? text, ref string? problem)
    {
        if (text is null)
        {
            return null;
        }

        // A dot for the decimals and no thousands separator: "1,299" is ambiguous, so it is refused, not guessed.
        if (!decimal.TryParse(text.TrimStart('$'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)
            || decimal.Round(amount, 2) != amount || amount >= 100_000_000m)
        {
            problem ??= $"El precio «{text}» no es un importe en pesos con punto decimal, como 349.00.";
            return null;
        }

        return amount;
    }

    private static int? Cutoff(string? text, ref string? problem)
    {
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var day) || day is < 1 or > 31)
        {
            problem ??= $"El día de corte «{text}» no es un día del 1 al 31.";
            return null;
        }

        return day;
    }

    private static int? Find(Dictionary<string, int> columns, string name) => columns.TryGetValue(name, out var i) ? i : null;

    internal static bool HasData(CsvRecord record) => record.Fields.Any(f => !string.IsNullOrWhiteSpace(f));
}
