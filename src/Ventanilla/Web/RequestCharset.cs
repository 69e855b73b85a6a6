using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Ventanilla.Web;

/// <summary>
/// Answers a body in a character set nobody can decode with 415 before any endpoint reads it: the
/// framework's JSON reader throws on an unknown charset, which would otherwise be a server error.
/// </summary>
internal static class RequestCharset
{
    public static async Task RejectUnknownAsync(HttpContext http, RequestDelegate next)
    {
        if (UnknownCharset(http.Request.ContentType) is not { } charset)
        {
            await next(http);
            return;
        }

        http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status415UnsupportedMediaType,
                Title = "El juego de caracteres del cuerpo no se admite.",
                Detail = $"No se conoce el juego de caracteres «{charset}»; envía el cuerpo en UTF-8 (charset=utf-8) o sin charset.",
            },
        });
    }

    private static string? UnknownCharset(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || mediaType.Charset.Length == 0)
        {
            // Without a charset there is nothing to decode wrongly; an unreadable type is the framework's 415.
            return null;
        }

        // As the framework's JSON reader takes it: quotes and all ("utf-8" in quotes is unknown to it too).
        var charset = mediaType.Charset.ToString();
        try
        {
            _ = Encoding.GetEncoding(charset);
            return null;
        }
        catch (Exception unknown) when (unknown is ArgumentException or NotSupportedException)
        {
            // NotSupportedException: UTF-7, which .NET refuses to decode.
            return charset;
        }
    }
}
