namespace Ventanilla.Exports;

/// <summary>Exports of the inbox views, as CSV or XLSX with no row cap; reports export through <see cref="ExportResult"/> too.</summary>
public static class ExportsFeature
{
    public static WebApplicationBuilder AddExports(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapExports(this WebApplication app) => app;
}
