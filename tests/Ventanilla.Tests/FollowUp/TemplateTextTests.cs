using Ventanilla.Messaging.Notifications;
using Ventanilla.Provider;
using Ventanilla.Tickets;

namespace Ventanilla.Tests.FollowUp;

public class TemplateTextTests
{
    private static TemplateTexts Texts(string subject = "[Folio {folio}] Aviso", string body = "Causa: {causa}", string parameters = "folio, {causa}") =>
        new(subject, body, "folio_resuelto", "es_MX", parameters, "Tu folio {folio}");

    [Fact]
    public void Placeholders_are_replaced_and_unknown_braces_left_alone()
    {
        var text = TemplateText.Render("Folio {folio}, {tipo}; {otro}", new Dictionary<string, string> { ["folio"] = "NM-2026-000001", ["tipo"] = "falla" });

        Assert.Equal("Folio NM-2026-000001, falla; {otro}", text);
    }

    [Fact]
    public void A_template_naming_an_unknown_placeholder_is_refused_in_Spanish()
    {
        var problems = TemplateText.Problems(Texts(subject: "Folio {foilo}", parameters: "folio,fecha"));

        Assert.Contains("{foilo}", problems["EmailSubject"], StringComparison.Ordinal);
        Assert.Contains("fecha", problems["WhatsAppParameters"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_templates_are_all_valid()
    {
        foreach (var eventName in NotificationEvents.All)
        {
            Assert.Empty(TemplateText.Problems(DefaultTemplates.For(eventName)));
        }
    }

    [Fact]
    public void The_resolution_notice_tells_cause_correction_and_whether_it_was_upheld()
    {
        var ticket = Tickets.InStatus(TicketKind.Fault, TicketStatus.Resolved);
        var template = new NotificationTemplate(NotificationEvents.Resolved, DefaultTemplates.For(NotificationEvents.Resolved), Tickets.Now);

        var notice = Notifier.Render(template, ticket, new ProviderOptions { Phones = ["492-47-81-000"] });

        Assert.Equal("[Folio NM-2026-000001] Atendimos tu falla: ¿quedó resuelto?", notice.Subject);
        Assert.Contains("Causa: Fibra dañada\nCorrección: Se reemplazó el tramo\nTu reporte fue procedente.", notice.Body, StringComparison.Ordinal);
        Assert.Contains("Teléfono: 492-47-81-000", notice.Body, StringComparison.Ordinal);
        Assert.Equal(["NM-2026-000001", "Fibra dañada", "Se reemplazó el tramo", "procedente"], notice.Parameters);
    }

    [Fact]
    public void The_WhatsApp_parameter_list_is_read_as_names()
    {
        Assert.Equal(["folio", "ventana"], TemplateText.ParameterNames(" {folio}, Ventana ;"));
    }
}
