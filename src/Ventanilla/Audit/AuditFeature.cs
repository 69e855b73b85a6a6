namespace Ventanilla.Audit;

/// <summary>The audit trail: every change outside the folio timelines, and every export, browsable by an administrator.</summary>
public static class AuditFeature
{
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapAudit(this WebApplication app) => app;
}
