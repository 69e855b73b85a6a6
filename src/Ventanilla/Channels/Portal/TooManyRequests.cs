using System.Net;
using Ventanilla.Provider;

namespace Ventanilla.Channels.Portal;

/// <summary>The answer to a visitor who sent too many forms: a 429 and a page that says so in Spanish.</summary>
public static class TooManyRequests
{
    public const string Message = "Hiciste demasiados intentos en poco tiempo. Espera unos minutos y vuelve a intentarlo.";

    public static async ValueTask WriteAsync(HttpContext http, CancellationToken ct)
    {
        var provider = http.RequestServices.GetRequiredService<ProviderDirectory>().Current;
        var name = WebUtility.HtmlEncode(provider.Name);
        var phones = WebUtility.HtmlEncode(string.Join(", ", provider.Phones));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.ContentType = "text/html; charset=utf-8";
        http.Response.Headers.RetryAfter = "60";
        await http.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="es">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>Demasiados intentos · {{name}}</title>
            <link rel="stylesheet" href="/portal.css" />
            </head>
            <body>
            <header class="portal-top"><a class="portal-brand" href="/portal">{{name}}</a></header>
            <main id="contenido">
            <h1>Demasiados intentos</h1>
            <p class="problem" role="alert">{{Message}}</p>
            <p>Si necesitas ayuda ahora, llámanos: {{phones}}.</p>
            <p><a class="button" href="/portal">Volver al inicio del portal</a></p>
            </main>
            </body>
            </html>
            """, ct);
    }
}
