namespace Ventanilla.Network;

/// <summary>The network tree and the services hanging from it: editing and importing.</summary>
public static class NetworkTreeFeature
{
    public static WebApplicationBuilder AddNetworkTree(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapNetworkTree(this WebApplication app) => app;
}
