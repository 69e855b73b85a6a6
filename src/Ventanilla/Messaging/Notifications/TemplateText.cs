using System.Text.RegularExpressions;

namespace Ventanilla.Messaging.Notifications;

/// <summary>
/// The placeholder language of templates: <c>{folio}</c> and the other names below, replaced by
/// the ticket's values. An unknown name is refused when the template is saved, so a typo never
/// reaches a subscriber as "{foilo}".
/// </summary>
public static partial class TemplateText
{
    public static readonly IReadOnlyList<string> Placeholders =
        ["folio", "tipo", "estado", "causa", "correccion", "procedente", "ventana", "vence", "canales", .. Network.Outages.OutageEvents.Placeholders];

    public static string Render(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups["name"].Value, out var value) ? value : m.Value);

    /// <summary>Names used in <paramref name="template"/> that are not placeholders.</summary>
    public static IReadOnlyList<string> Unknown(string template) =>
        [.. Placeholder().Matches(template).Select(m => m.Groups["name"].Value).Where(n => !Placeholders.Contains(n)).Distinct()];

    /// <summary>The WhatsApp parameter list as names: "folio, {ventana}" reads as folio, ventana.</summary>
    public static IReadOnlyList<string> ParameterNames(string list) =>
        [.. list.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.Trim('{', '}').ToLowerInvariant()).Where(n => n.Length > 0)];

    /// <summary>Every problem with a template, in Spanish, keyed by the field it is about.</summary>
    public static Dictionary<string, string> Problems(TemplateTexts texts)
    {
        var problems = new Dictionary<string, string>();
        Check(nameof(texts.EmailSubject), texts.EmailSubject, NotificationTemplate.SubjectLength);
        Check(nameof(texts.EmailBody), texts.EmailBody, NotificationTemplate.BodyLength);
        Check(nameof(texts.PortalText), texts.PortalText, NotificationTemplate.BodyLength);
        if (!WhatsAppName().IsMatch(texts.WhatsAppTemplate.Trim()))
        {
            problems[nameof(texts.WhatsAppTemplate)] = "El nombre de la plantilla de WhatsApp lleva minúsculas, dígitos y guion bajo, como folio_recibido.";
        }

        if (!Language().IsMatch(texts.WhatsAppLanguage.Trim()))
        {
            problems[nameof(texts.WhatsAppLanguage)] = "El idioma de WhatsApp se escribe como es_MX o es.";
        }

        var unknown = ParameterNames(texts.WhatsAppParameters).Where(n => !Placeholders.Contains(n)).ToList();
        if (unknown.Count > 0)
        {
            problems[nameof(texts.WhatsAppParameters)] = $"No existen estos datos: {string.Join(", ", unknown)}. Usa: {string.Join(", ", Placeholders)}.";
        }

        return problems;

        void Check(string field, string text, int max)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                problems[field] = "Este texto es obligatorio.";
            }
            else if (text.Length > max)
            {
                problems[field] = $"Admite hasta {max} caracteres.";
            }
            else if (Unknown(text) is { Count: > 0 } names)
            {
                problems[field] = $"No existen estos datos: {string.Join(", ", names.Select(n => "{" + n + "}"))}. Usa: {string.Join(", ", Placeholders.Select(n => "{" + n + "}"))}.";
            }
        }
    }

    [GeneratedRegex(@"\{(?<name>[a-zA-Z_áéíóúñ]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("^[a-z0-9_]{1,512}$")]
    private static partial Regex WhatsAppName();

    [GeneratedRegex("^[a-z]{2}(_[A-Z]{2})?$")]
    private static partial Regex Language();
}
