using System.ComponentModel.DataAnnotations;

namespace Ventanilla.Provider;

/// <summary>
/// The provider's profile: who subscribers are dealing with and how to reach them. The defaults
/// are the demo provider from the seed procedure; every provider replaces them.
/// </summary>
public sealed class ProviderOptions
{
    public const string Section = "Provider";

    [Required]
    public string Name { get; set; } = "Netmas";

    /// <summary>The letters that start every folio, e.g. <c>NM</c> in <c>NM-2026-000123</c>.</summary>
    [Required, RegularExpression("^[A-Z]{1,8}$", ErrorMessage = "Provider:FolioPrefix must be 1 to 8 capital letters.")]
    public string FolioPrefix { get; set; } = "NM";

    public List<string> Phones { get; set; } = [];
    public List<string> Emails { get; set; } = [];
    public string? Web { get; set; } = "www.netmas.mx";
    public string? WhatsApp { get; set; } = "WhatsApp, las 24 horas";
    public string? Hours { get; set; } = "Lunes a sábado de 7:00 a 22:00 y domingos de 9:00 a 17:00";

    /// <summary>The IANA zone the provider lives in: folio years and displayed times use it.</summary>
    [Required]
    public string TimeZone { get; set; } = "America/Mexico_City";

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    // Lists bound from configuration append to initial values, so the defaults are filled in after binding.
    internal void FillDefaults()
    {
        if (Phones.Count == 0)
        {
            Phones.AddRange(["492-47-81-000", "335-98-01-746", "332-73-62-020"]);
        }

        if (Emails.Count == 0)
        {
            Emails.AddRange(["notificaciones@netmas.com", "contacto@netmas.mx"]);
        }
    }
}
