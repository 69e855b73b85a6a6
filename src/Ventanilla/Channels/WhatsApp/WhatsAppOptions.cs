using System.ComponentModel.DataAnnotations;

namespace Ventanilla.Channels.WhatsApp;

/// <summary>
/// The WhatsApp Business Platform account as configuration seeds it. From the first start on, the
/// copy in the database (edited at <c>/admin/whatsapp</c>) is the one the service uses.
/// </summary>
public sealed class WhatsAppOptions
{
    public const string Section = "WhatsApp";

    /// <summary>The id of the business phone number that sends and receives (not the number itself).</summary>
    public string? PhoneNumberId { get; set; }

    public string? AccessToken { get; set; }

    /// <summary>Keys the HMAC Meta puts in <c>X-Hub-Signature-256</c>; without it every webhook post is refused.</summary>
    public string? AppSecret { get; set; }

    /// <summary>What Meta must echo in the verification handshake.</summary>
    public string? VerifyToken { get; set; }

    [Required, Url]
    public string GraphApiBaseUrl { get; set; } = "https://graph.facebook.com";

    [Required, RegularExpression(@"^v\d{1,3}\.\d{1,2}$", ErrorMessage = "WhatsApp:ApiVersion looks like v23.0.")]
    public string ApiVersion { get; set; } = "v23.0";

    /// <summary>Approved templates by notification event (<c>received</c>, <c>resolved</c>…), sent outside the 24-hour window.</summary>
    public Dictionary<string, TemplateOptions> Templates { get; set; } = new(StringComparer.Ordinal);

    /// <summary>False keeps this process from processing and sending (tests drive the passes themselves).</summary>
    public bool RunInBackground { get; set; } = true;
}

public sealed class TemplateOptions
{
    public string Name { get; set; } = "";

    /// <summary>The template's language code as approved, e.g. <c>es_MX</c>.</summary>
    public string Language { get; set; } = "es_MX";
}
