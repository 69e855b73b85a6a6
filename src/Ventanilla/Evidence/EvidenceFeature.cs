namespace Ventanilla.Evidence;

/// <summary>The evidence file (expediente): one PDF with everything a folio, or a whole outage, went through.</summary>
public static class EvidenceFeature
{
    public static WebApplicationBuilder AddEvidence(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapEvidence(this WebApplication app) => app;
}
