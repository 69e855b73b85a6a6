using Ventanilla.Network.Import;

namespace Ventanilla.Network;

/// <summary>The network tree and the services hanging from it: editing and importing.</summary>
public static class NetworkTreeFeature
{
    public static WebApplicationBuilder AddNetworkTree(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<NodeImporter>();
        builder.Services.AddScoped<ServiceImporter>();
        builder.Services.AddScoped<NetworkImports>();
        builder.Services.AddScoped<NetworkTreeEditor>();
        builder.Services.AddSingleton<NetworkImportJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<NetworkImportJob>());
        return builder;
    }

    public static WebApplication MapNetworkTree(this WebApplication app)
    {
        app.MapNetworkApi();
        return app;
    }
}
