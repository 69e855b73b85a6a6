using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.HttpOverrides;
using Scalar.AspNetCore;
using Ventanilla.Hosting;
using Ventanilla.Web.Idempotency;

namespace Ventanilla.Web;

/// <summary>What every endpoint shares: JSON, problem details, OpenAPI and the reference page.</summary>
public static partial class ApiPlatform
{
    public static IHostApplicationBuilder AddApiPlatform(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<JsonOptions>(o => ConfigureJson(o.SerializerOptions));
        // Bad JSON must reach the exception handler, which answers it in Spanish as problem+json.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Customize);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer<ApiDocument>();
            o.AddOperationTransformer<IdempotencyDocument>();
        });
        builder.AddIdempotency();
        builder.Services.AddSingleton<JobRegistry>();
        builder.Services.AddHealthChecks().AddCheck<JobsHealthCheck>("jobs");
        return builder;
    }

    private static void AnnounceAddresses(WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Ventanilla");
        foreach (var url in app.Urls)
        {
            LogReady(log, url, url.TrimEnd('/') + "/entrar", url.TrimEnd('/') + "/api");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ventanilla está lista en {Url} · entra a la consola en {SignIn} · referencia de la API: {Reference}")]
    private static partial void LogReady(ILogger logger, string url, string signIn, string reference);

    public static bool IsApi(HttpRequest request) => IsApi(request.Path);

    public static bool IsApi(PathString path) =>
        path.StartsWithSegments("/api/v1") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/webhooks");

    public static void ConfigureJson(JsonSerializerOptions json)
    {
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        json.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
    }

    public static WebApplication UseApiPlatform(this WebApplication app)
    {
        // The reverse proxy on this machine tells us the client's address and scheme; by default
        // only loopback proxies are believed.
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        app.UseExceptionHandler("/error/500");
        // The API answers errors as problem+json; the console shows a page in Spanish instead.
        app.UseWhen(http => IsApi(http.Request), api => api.UseStatusCodePages().Use(RequestCharset.RejectUnknownAsync));
        app.UseWhen(http => !IsApi(http.Request), console => console.UseStatusCodePagesWithReExecute("/error/{0}"));
        // Routing after the error handlers, so that re-executing a request for its error page finds the page.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseIdempotency();
        return app;
    }

    public static WebApplication MapApiPlatform(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api", o => o.WithTitle("Ventanilla API")).AllowAnonymous();
        app.Lifetime.ApplicationStarted.Register(() => AnnounceAddresses(app));
        return app;
    }
}
