namespace Ventanilla.Network.Outages;

/// <summary>Outages as supervisors and monitoring systems see them: declaring, proposing, following, reporting.</summary>
public static class OutagesFeature
{
    public static WebApplicationBuilder AddOutages(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapOutages(this WebApplication app) => app;
}
