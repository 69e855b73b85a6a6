using Ventanilla.Provider;

namespace Ventanilla.Channels.Portal;

/// <summary>
/// The simplified privacy notice shown where the portal collects data (LFPDPPP): who is
/// responsible, for what the data are used, how to refuse secondary uses, how to exercise the
/// rights over them, and where the full notice is. Providers replace it with their own text.
/// </summary>
public static class PrivacyNotice
{
    /// <summary>The configured text, or the default, as paragraphs (a blank line separates them).</summary>
    public static IReadOnlyList<string> Paragraphs(string? configured, ProviderOptions provider)
    {
        var text = string.IsNullOrWhiteSpace(configured) ? Default(provider) : configured;
        return text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public static string Default(ProviderOptions provider)
    {
        var contact = provider.Emails.Count > 0 ? $"escribiendo a {provider.Emails[0]}" : "en cualquiera de nuestros medios de atención";
        var web = string.IsNullOrWhiteSpace(provider.Web) ? "nuestra página web" : provider.Web;
        return $"""
            {provider.Name} es responsable del tratamiento de los datos personales que nos das en este portal.

            Usamos tu nombre, número de contrato, teléfono, correo, domicilio del servicio y lo que nos describes para una sola cosa necesaria: registrar y atender tu reporte, queja o solicitud, darte su folio y su acuse, mantenerte informado de su avance, visitarte si hace falta y confirmar contigo la solución, como lo exigen nuestras obligaciones como proveedor de telecomunicaciones.

            No usamos estos datos para publicidad ni los compartimos con terceros para fines propios de ellos. Solo los conocen las personas de {provider.Name} que atienden tu trámite y, cuando la ley lo pide, las autoridades competentes.

            Si en algún momento te pedimos datos para otro fin, como enviarte promociones, te pediremos tu consentimiento por separado y podrás negarte sin que eso afecte la atención de tu trámite.

            Puedes pedir el acceso, la rectificación o la cancelación de tus datos, u oponerte a su uso (derechos ARCO), y revocar tu consentimiento, desde la página «Mis datos personales» de este portal o {contact}. Te respondemos en un máximo de 20 días hábiles.

            Conservamos tus datos mientras dure tu trámite y el tiempo que la ley nos obliga a guardar el registro de la atención; después los bloqueamos y los suprimimos.

            Puedes consultar el aviso de privacidad integral en {web} o pedirlo en cualquiera de nuestros medios de atención.
            """;
    }
}
