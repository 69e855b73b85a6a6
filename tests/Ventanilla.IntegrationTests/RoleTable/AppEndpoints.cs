using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ventanilla.IntegrationTests.RoleTable;

/// <summary>Every page and endpoint the running application answers, named as docs/roles.md names them.</summary>
internal static class AppEndpoints
{
    public static IReadOnlySet<string> Of(VentanillaApp app) => app.Services.GetServices<EndpointDataSource>()
        .SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
        .Select(e => (Endpoint: e, Pattern: e.RoutePattern.RawText ?? ""))
        // Fingerprinted static files are mapped one by one without a leading slash; the document names them as a group.
        .Where(e => e.Pattern.StartsWith('/') || e.Pattern.StartsWith('{'))
        .Select(e => Name(e.Endpoint, e.Pattern))
        .ToHashSet(StringComparer.Ordinal);

    private static string Name(RouteEndpoint endpoint, string pattern)
    {
        // A page answers GET and its own form posts; the document names it by its path.
        if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
        {
            return pattern;
        }

        var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Where(m => m != "HEAD").ToArray() ?? [];
        return (methods.Length == 0 ? "ANY" : string.Join(',', methods)) + " " + pattern;
    }
}
