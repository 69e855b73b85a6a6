using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ventanilla.Hosting;

/// <summary>
/// What <c>/health</c> answers: the bare status word (Healthy, Degraded, Unhealthy) as always, which
/// load balancers and uptime monitors compare; and, to a client that asks for JSON, every check with
/// its description and data, so an operator sees which background job stopped and why.
/// </summary>
internal static class HealthResponse
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        var accepts = http.Request.GetTypedHeaders().Accept;
        if (!accepts.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)))
        {
            http.Response.ContentType = "text/plain";
            return http.Response.WriteAsync(report.Status.ToString());
        }

        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data,
            }),
        }, Json);
    }
}
