using System.Globalization;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;

namespace Ventanilla.Attachments;

/// <summary>Judges a file against <see cref="AttachmentOptions"/>: its size, its declared type, its name and its content.</summary>
public sealed class AttachmentPolicy(IOptionsMonitor<AttachmentOptions> options)
{
    private static readonly CultureInfo Mexico = CultureInfo.GetCultureInfo("es-MX");
    private static readonly FileExtensionContentTypeProvider Extensions = new();

    public long MaxBytes => options.CurrentValue.MaxBytes;

    /// <summary>The type a file name implies, or octet-stream when its extension says nothing.</summary>
    public static string TypeOf(string fileName) =>
        Extensions.TryGetContentType(fileName, out var type) ? type : "application/octet-stream";

    /// <summary>
    /// Null when the file may be kept; otherwise why not, in Spanish, worded for the subscriber and the
    /// agent alike. <paramref name="head"/> is the start of the content (<see cref="ContentSniffer.HeadLength"/> bytes).
    /// </summary>
    public string? Check(string fileName, string declaredType, long size, ReadOnlySpan<byte> head) =>
        CheckSize(fileName, size) ?? CheckType(fileName, declaredType, head);

    /// <summary>Why a file of this size is refused, or null.</summary>
    public string? CheckSize(string fileName, long size)
    {
        var max = options.CurrentValue.MaxBytes;
        if (size <= 0)
        {
            return $"El archivo «{fileName}» está vacío.";
        }

        return size > max
            ? string.Create(Mexico, $"El archivo «{fileName}» pesa más de {Megabytes(max)} MB, el máximo. Envía una versión más ligera.")
            : null;
    }

    /// <summary>Why a file of this name, declared type and first bytes is refused, or null.</summary>
    public string? CheckType(string fileName, string declaredType, ReadOnlySpan<byte> head)
    {
        var current = options.CurrentValue;
        var type = Normalize(fileName, declaredType);

        // The extension must agree too: "factura.pdf.exe" declared as application/pdf is not a PDF.
        var byExtension = Path.GetExtension(fileName).Length > 0 ? TypeOf(fileName) : type;
        var family = ContentSniffer.ExpectedFamily(type);
        if (!Allowed(type, current) || !Allowed(byExtension, current) || family is null
            || ContentSniffer.ExpectedFamily(byExtension) != family)
        {
            return $"No aceptamos archivos como «{fileName}» ({type}). Envía una foto o un PDF.";
        }

        return ContentSniffer.Family(head) == family
            ? null
            : $"El contenido de «{fileName}» no corresponde a su tipo ({type}). Envía una foto o un PDF.";
    }

    /// <summary>The type to keep for an accepted file: the declared one, or the one its name implies.</summary>
    public static string Normalize(string fileName, string declaredType)
    {
        var type = declaredType.Trim().ToLowerInvariant();
        return type is "" or "application/octet-stream" ? TypeOf(fileName) : type;
    }

    private static bool Allowed(string type, AttachmentOptions options) =>
        options.AllowedTypes.Contains(type, StringComparer.OrdinalIgnoreCase);

    private static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.#", Mexico);
}
