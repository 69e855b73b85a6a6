using Ventanilla.Network.Compensation;
using Ventanilla.Network.Outages;

namespace Ventanilla.Network;

/// <summary>The network tree, its outages and the compensation they owe.</summary>
public static class NetworkFeature
{
    public static WebApplicationBuilder AddNetwork(this WebApplicationBuilder builder)
    {
        builder.AddNetworkTree();
        builder.AddOutages();
        builder.AddOutageReach();
        builder.AddCompensation();
        return builder;
    }

    public static WebApplication MapNetwork(this WebApplication app)
    {
        app.MapNetworkTree();
        app.MapOutages();
        app.MapOutageReach();
        app.MapCompensation();
        return app;
    }
}
