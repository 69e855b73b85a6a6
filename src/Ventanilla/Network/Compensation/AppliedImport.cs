using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;

namespace Ventanilla.Network.Compensation;

/// <summary>
/// The billing system's answer: <c>linea,referencia</c> per row (comma or semicolon; a first row
/// that is not a number is a header). Rows already applied with the same reference change
/// nothing, so the same file imported twice is harmless; every row it cannot use is reported.
/// </summary>
public static class AppliedImport
{
    public static async Task<AppliedImportResponse> RunAsync(VentanillaDbContext db, string csv, DateTime now, CancellationToken ct)
    {
        var applied = 0;
        var unchanged = 0;
        var refused = new List<string>();
        var number = 0;
        foreach (var raw in csv.Split('\n'))
        {
            number++;
            var row = raw.Trim().TrimStart('\uFEFF');
            if (row.Length == 0)
            {
                continue;
            }

            var cells = row.Split(row.Contains(';', StringComparison.Ordinal) ? ';' : ',').Select(c => c.Trim().Trim('"')).ToArray();
            if (!long.TryParse(cells[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                if (number > 1)
                {
                    refused.Add($"Renglón {number}: «{cells[0]}» no es un número de línea.");
                }

                continue;
            }

            var line = await db.CompensationLines.FirstOrDefaultAsync(l => l.Id == id, ct);
            if (line is null)
            {
                refused.Add($"Renglón {number}: no existe la línea {id}.");
                continue;
            }

            var before = line.State;
            if (line.MarkApplied(cells.Length > 1 ? cells[1] : "", now) is { } refusal)
            {
                refused.Add($"Renglón {number}: {refusal.Message}");
                continue;
            }

            if (before == CompensationState.Applied)
            {
                unchanged++;
            }
            else
            {
                await db.SaveChangesAsync(ct);
                applied++;
            }
        }

        return new AppliedImportResponse(applied, unchanged, refused);
    }
}
