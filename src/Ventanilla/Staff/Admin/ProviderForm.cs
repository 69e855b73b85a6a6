using System.Text.RegularExpressions;
using Ventanilla.Provider;
using Ventanilla.Subscribers;
using Ventanilla.Web;

namespace Ventanilla.Staff.Admin;

/// <summary>The provider profile as its form posts it: phones and emails one per line.</summary>
public sealed partial class ProviderForm
{
    /// <summary>The IANA zones in use in Mexico, including the border ones that follow US daylight saving time.</summary>
    public static readonly string[] MexicanZones =
    [
        "America/Mexico_City", "America/Cancun", "America/Merida", "America/Monterrey", "America/Matamoros",
        "America/Chihuahua", "America/Ciudad_Juarez", "America/Ojinaga", "America/Mazatlan",
        "America/Bahia_Banderas", "America/Hermosillo", "America/Tijuana",
    ];

    public string? Name { get; set; }
    public string? FolioPrefix { get; set; }
    public string? Phones { get; set; }
    public string? Emails { get; set; }
    public string? Web { get; set; }
    public string? WhatsApp { get; set; }
    public string? Hours { get; set; }
    public string? TimeZone { get; set; }

    public static ProviderForm From(ProviderOptions p) => new()
    {
        Name = p.Name,
        FolioPrefix = p.FolioPrefix,
        Phones = string.Join('\n', p.Phones),
        Emails = string.Join('\n', p.Emails),
        Web = p.Web,
        WhatsApp = p.WhatsApp,
        Hours = p.Hours,
        TimeZone = p.TimeZone,
    };

    /// <summary>The profile to save, or null after noting what is wrong with each field.</summary>
    /// <remarks>A zone set in configuration outside the list is kept: saving the form must not move it.</remarks>
    public ProviderOptions? Check(FieldErrors errors, string currentZone)
    {
        var name = errors.Text("name", Name, 200, required: true);
        var prefix = errors.Text("folioPrefix", FolioPrefix, 8, required: true)?.ToUpperInvariant();
        if (prefix is not null && !Prefix().IsMatch(prefix))
        {
            errors.Add("folioPrefix", "El prefijo lleva de 1 a 8 letras mayúsculas sin acentos, como NM.");
        }

        var phones = Lines(Phones);
        foreach (var phone in phones.Where(p => p.Length > 40))
        {
            errors.Add("phones", $"«{phone}» es demasiado largo para un teléfono.");
        }

        var emails = Lines(Emails);
        foreach (var email in emails.Where(e => EmailAddresses.Normalize(e) is null))
        {
            errors.Add("emails", $"«{email}» no es un correo electrónico válido.");
        }

        var web = errors.Text("web", Web, 200);
        var whatsApp = errors.Text("whatsApp", WhatsApp, 200);
        var hours = errors.Text("hours", Hours, 500);
        if (TimeZone is null || (!MexicanZones.Contains(TimeZone, StringComparer.Ordinal) && TimeZone != currentZone))
        {
            errors.Add("timeZone", "Elige una zona horaria de la lista.");
        }

        if (errors.Any || name is null || prefix is null)
        {
            return null;
        }

        return new ProviderOptions
        {
            Name = name,
            FolioPrefix = prefix,
            Phones = phones,
            Emails = [.. emails.Select(e => EmailAddresses.Normalize(e)!)],
            Web = web,
            WhatsApp = whatsApp,
            Hours = hours,
            TimeZone = TimeZone!,
        };
    }

    private static List<string> Lines(string? text) =>
        [.. (Text.Readable(text) ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    [GeneratedRegex("^[A-Z]{1,8}$")]
    private static partial Regex Prefix();
}
