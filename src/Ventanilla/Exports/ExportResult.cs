using System.Globalization;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;
using Ventanilla.Audit;
using Ventanilla.Data;
using Ventanilla.Provider;
using Ventanilla.Staff;

namespace Ventanilla.Exports;

/// <summary>
/// Answers a request with a table as CSV or XLSX, with no row cap. The rows are written as they are
/// read into a temporary file (memory stays flat however many there are), hashed on the way; the
/// manifest (who, when, filters, rows, SHA-256) goes into the audit trail, and only then is the file
/// sent, with the manifest's figures in its headers. So a failure half way answers an error, not a
/// cut file, and every file handed out has its entry.
/// </summary>
public sealed class ExportResult(ExportTable table, ExportFormat format) : IResult
{
    public const string ManifestHeader = "X-Ventanilla-Export";
    public const string Sha256Header = "X-Ventanilla-Export-Sha256";
    public const string RowsHeader = "X-Ventanilla-Export-Rows";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var http = httpContext;
        var services = http.RequestServices;
        var ct = http.RequestAborted;
        var zone = services.GetRequiredService<ProviderDirectory>().Current.Zone;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var who = Actors.From(http.User);
        await using var spool = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var (rows, sha) = await WriteAsync(spool, table, format, zone, who.Name, now, ct);

        var manifest = new ExportManifest(table.Name, table.Title, Extension(format), who.Id, who.Name, now, table.Filters, rows, spool.Length, sha);
        var db = services.GetRequiredService<VentanillaDbContext>();
        var entry = db.Audit(who, "export", AuditActions.Exported, table.Name, null, manifest,
            string.Create(CultureInfo.InvariantCulture, $"Exportó «{table.Title}» en {Extension(format).ToUpperInvariant()}: {rows:N0} filas."), now);
        await db.SaveChangesAsync(ct);

        spool.Position = 0;
        http.Response.ContentType = ContentType(format);
        http.Response.ContentLength = spool.Length;
        http.Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment")
        {
            FileNameStar = FileName(table.Name, format, CellText.Local(now, zone)),
        }.ToString();
        http.Response.Headers[ManifestHeader] = entry.Id.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers[Sha256Header] = sha;
        http.Response.Headers[RowsHeader] = rows.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.CacheControl = "no-store";
        await spool.CopyToAsync(http.Response.Body, ct);
    }

    /// <summary>Writes the table to <paramref name="output"/>; answers the rows written and the SHA-256 of the bytes, in lowercase hex.</summary>
    public static async Task<(long Rows, string Sha256)> WriteAsync(Stream output, ExportTable table, ExportFormat format, TimeZoneInfo zone,
        string actorName, DateTime now, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var hashing = new HashingStream(output, hash);
        var rows = format == ExportFormat.Csv
            ? await CsvTableWriter.WriteAsync(hashing, table, zone, ct)
            : await XlsxTableWriter.WriteAsync(hashing, table, zone, actorName, now, ct);
        await hashing.FlushAsync(ct);
        return (rows, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>"csv" or "xlsx" (any case) as a format; null for anything else.</summary>
    public static ExportFormat? FormatOf(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "csv" => ExportFormat.Csv,
        "xlsx" => ExportFormat.Xlsx,
        _ => null,
    };

    public static string Extension(ExportFormat format) => format == ExportFormat.Csv ? "csv" : "xlsx";

    public static string ContentType(ExportFormat format) => format == ExportFormat.Csv
        ? "text/csv; charset=utf-8"
        : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static string FileName(string name, ExportFormat format, DateTime local) =>
        string.Create(CultureInfo.InvariantCulture, $"{name}-{local:yyyyMMdd-HHmm}.{Extension(format)}");
}
