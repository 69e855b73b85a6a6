namespace Ventanilla.Network.Outages;

/// <summary>What an outage does to reports and subscribers: linking, notices, restoration.</summary>
public static class OutageReachFeature
{
    public static WebApplicationBuilder AddOutageReach(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapOutageReach(this WebApplication app) => app;
}
