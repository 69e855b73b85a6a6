namespace Ventanilla.Channels.WhatsApp;

/// <summary>The account in use, with its secrets readable: what the webhook, the processor and the sender need.</summary>
public sealed record WhatsAppAccount(
    string? PhoneNumberId,
    string? AccessToken,
    string? AppSecret,
    string? VerifyToken,
    string GraphApiBaseUrl,
    string ApiVersion,
    IReadOnlyDictionary<string, TemplateOptions> Templates)
{
    /// <summary>Sending needs the number's id and a token; receiving needs only the app secret.</summary>
    public bool CanSend => !string.IsNullOrWhiteSpace(PhoneNumberId) && !string.IsNullOrWhiteSpace(AccessToken);

    public Uri Graph(string path) => new($"{GraphApiBaseUrl.TrimEnd('/')}/{ApiVersion}/{path}");

    public TemplateOptions? TemplateFor(string? eventName) =>
        eventName is not null && Templates.TryGetValue(eventName, out var t) && !string.IsNullOrWhiteSpace(t.Name) ? t : null;

    public static WhatsAppAccount From(WhatsAppOptions o) => new(
        Blank(o.PhoneNumberId), Blank(o.AccessToken), Blank(o.AppSecret), Blank(o.VerifyToken),
        o.GraphApiBaseUrl, o.ApiVersion, new Dictionary<string, TemplateOptions>(o.Templates, StringComparer.Ordinal));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
