namespace Ventanilla.Network.Compensation;

/// <summary>The compensation policy and ledger.</summary>
public static class CompensationFeature
{
    public static WebApplicationBuilder AddCompensation(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapCompensation(this WebApplication app) => app;
}
