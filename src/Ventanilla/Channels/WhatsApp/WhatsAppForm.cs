using System.Text.RegularExpressions;
using Ventanilla.Web;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>
/// The account as its administration form posts it. Secrets are never sent back to the browser:
/// an empty secret field keeps the stored one, and a box clears it.
/// </summary>
public sealed partial class WhatsAppForm
{
    public string? PhoneNumberId { get; set; }
    public string? AccessToken { get; set; }
    public bool ClearAccessToken { get; set; }
    public string? AppSecret { get; set; }
    public bool ClearAppSecret { get; set; }
    public string? VerifyToken { get; set; }
    public string? GraphApiBaseUrl { get; set; }
    public string? ApiVersion { get; set; }

    /// <summary>One template per line: <c>event = name language</c>, e.g. <c>received = folio_recibido es_MX</c>.</summary>
    public string? Templates { get; set; }

    public static WhatsAppForm From(WhatsAppAccount a) => new()
    {
        PhoneNumberId = a.PhoneNumberId,
        VerifyToken = a.VerifyToken,
        GraphApiBaseUrl = a.GraphApiBaseUrl,
        ApiVersion = a.ApiVersion,
        Templates = string.Join('\n', a.Templates.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key} = {t.Value.Name} {t.Value.Language}")),
    };

    /// <summary>The last four characters, enough for an administrator to recognize a secret without revealing it.</summary>
    public static string Masked(string? secret) => secret is null ? "" : secret.Length <= 8 ? "••••" : "••••" + secret[^4..];

    public WhatsAppAccount? Check(FieldErrors errors, WhatsAppAccount current)
    {
        var phoneNumberId = errors.Text("phoneNumberId", PhoneNumberId, 64);
        if (phoneNumberId is not null && !phoneNumberId.All(char.IsAsciiDigit))
        {
            errors.Add("phoneNumberId", "El identificador del número son solo dígitos; está en WhatsApp Manager › Números de teléfono.");
        }

        var token = errors.Text("accessToken", AccessToken, 1000);
        var secret = errors.Text("appSecret", AppSecret, 200);
        var verify = errors.Text("verifyToken", VerifyToken, 200);
        var baseUrl = errors.Text("graphApiBaseUrl", GraphApiBaseUrl, 300, required: true);
        var uri = baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out var parsed) ? parsed : null;
        if (baseUrl is not null && (uri is null || uri.Scheme is not ("https" or "http")))
        {
            errors.Add("graphApiBaseUrl", "Escribe una dirección completa, como https://graph.facebook.com.");
        }
        else if (uri is not null && uri.Scheme == "http" && !GraphHost.IsLoopback(uri))
        {
            errors.Add("graphApiBaseUrl", GraphHost.PlainHttp);
        }
        else if (uri is not null && token is null && !ClearAccessToken && current.AccessToken is not null && GraphHost.Moved(current.GraphApiBaseUrl, uri))
        {
            // The token is sent to this address on every call: a new host must not inherit it.
            errors.Add("accessToken", GraphHost.TokenAgain);
        }

        var version = errors.Text("apiVersion", ApiVersion, 16, required: true);
        if (version is not null && !VersionPattern().IsMatch(version))
        {
            errors.Add("apiVersion", "La versión se escribe como v23.0.");
        }

        var templates = new Dictionary<string, TemplateOptions>(StringComparer.Ordinal);
        foreach (var line in (Text.Readable(Templates) ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var match = TemplatePattern().Match(line);
            if (!match.Success)
            {
                errors.Add("templates", $"«{line}» no se entiende: escribe «evento = nombre_de_plantilla idioma», como «received = folio_recibido es_MX».");
                continue;
            }

            templates[match.Groups["event"].Value] = new TemplateOptions { Name = match.Groups["name"].Value, Language = match.Groups["lang"].Value };
        }

        if (errors.Any)
        {
            return null;
        }

        return new WhatsAppAccount(
            phoneNumberId,
            ClearAccessToken ? null : token ?? current.AccessToken,
            ClearAppSecret ? null : secret ?? current.AppSecret,
            verify,
            baseUrl!,
            version!,
            templates);
    }

    [GeneratedRegex(@"^v\d{1,3}\.\d{1,2}$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^(?<event>[a-z0-9_]{1,60})\s*=\s*(?<name>[a-z0-9_]{1,512})\s+(?<lang>[a-zA-Z]{2,3}(?:_[A-Za-z]{2,4})?)$")]
    private static partial Regex TemplatePattern();
}
