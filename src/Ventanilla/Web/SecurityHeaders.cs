using Ventanilla.Channels.Portal;

namespace Ventanilla.Web;

/// <summary>
/// The browser-side defences of every console page: only our own scripts run, nothing frames the
/// console, content types are taken as sent, and addresses do not leak to other sites. The portal
/// sets its stricter ones itself; a response that already chose its policy (attachments) keeps it.
/// </summary>
public static class SecurityHeaders
{
    // Blazor's interactive pages talk back over a WebSocket to this same site ('self' covers it);
    // pages use inline style attributes, which run no code.
    public const string ConsolePolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static WebApplication UseConsoleSecurityHeaders(this WebApplication app)
    {
        app.UseWhen(http => !ApiPlatform.IsApi(http.Request) && !http.Request.Path.StartsWithSegments(PortalFeature.Path),
            console => console.Use(AddAsync));
        return app;
    }

    private static Task AddAsync(HttpContext http, Func<Task> next)
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            if (!headers.ContainsKey("Content-Security-Policy"))
            {
                headers.ContentSecurityPolicy = ConsolePolicy;
            }

            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next();
    }
}
