namespace Ventanilla.Reports;

/// <summary>The built-in reports for the authority and management: their pages, their figures and their exports.</summary>
public static class ReportsFeature
{
    public static WebApplicationBuilder AddReports(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapReports(this WebApplication app) => app;
}
