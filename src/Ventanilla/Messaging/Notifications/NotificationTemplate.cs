namespace Ventanilla.Messaging.Notifications;

/// <summary>
/// What the subscriber is told about one event, in each channel's form: an email's subject and
/// body, the approved WhatsApp template (name, language, and which placeholders fill its
/// parameters, in order), and the text the portal shows.
/// </summary>
public sealed class NotificationTemplate
{
    public const int SubjectLength = 300;
    public const int BodyLength = 8_000;

    private NotificationTemplate()
    {
    }

    public NotificationTemplate(string eventName, TemplateTexts texts, DateTime now)
    {
        Event = eventName;
        Apply(texts, now);
    }

    public string Event { get; private set; } = "";
    public string EmailSubject { get; private set; } = "";
    public string EmailBody { get; private set; } = "";
    public string WhatsAppTemplate { get; private set; } = "";
    public string WhatsAppLanguage { get; private set; } = "es_MX";

    /// <summary>The placeholders that fill the WhatsApp template's {{1}}, {{2}}…, comma separated: <c>folio,ventana</c>.</summary>
    public string WhatsAppParameters { get; private set; } = "";
    public string PortalText { get; private set; } = "";
    public DateTime UpdatedAt { get; private set; }

    public TemplateTexts Texts => new(EmailSubject, EmailBody, WhatsAppTemplate, WhatsAppLanguage, WhatsAppParameters, PortalText);

    public void Apply(TemplateTexts texts, DateTime now)
    {
        EmailSubject = texts.EmailSubject.Trim();
        EmailBody = texts.EmailBody.Trim();
        WhatsAppTemplate = texts.WhatsAppTemplate.Trim();
        WhatsAppLanguage = texts.WhatsAppLanguage.Trim();
        WhatsAppParameters = string.Join(',', TemplateText.ParameterNames(texts.WhatsAppParameters));
        PortalText = texts.PortalText.Trim();
        UpdatedAt = now;
    }
}

/// <summary>The editable parts of a template, as a form or the defaults give them.</summary>
public sealed record TemplateTexts(
    string EmailSubject, string EmailBody, string WhatsAppTemplate, string WhatsAppLanguage, string WhatsAppParameters, string PortalText);
