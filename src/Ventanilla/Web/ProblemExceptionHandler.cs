using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Ventanilla.Web;

/// <summary>Turns the exceptions that can reach the top into problem+json, never a bare 500.</summary>
internal sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status400BadRequest ? "La solicitud no es válida." : null,
                Detail = bad.InnerException is JsonException json
                    ? $"El cuerpo no es JSON válido o un campo tiene un tipo incorrecto (en {json.Path ?? "$"})."
                    : "No se pudo leer la solicitud.",
            },
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Alguien más modificó este registro mientras lo editabas.",
                Detail = "Vuelve a cargarlo para ver los cambios y repite la operación.",
            },
            _ => null,
        };
        if (problem is null)
        {
            LogUnhandled(log, exception, httpContext.Request.Path);
            problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError };
        }

        httpContext.Response.StatusCode = problem.Status ?? 500;
        // By now the request's path is the error page's; the feature keeps the one that failed.
        // The feature's path is already decoded: taken as it is, since decoding it again turns a "%00" it contains into NUL and throws.
        var failedPath = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } path ? new PathString(path) : httpContext.Request.Path;
        if (!ApiPlatform.IsApi(failedPath))
        {
            // People in the console get the error page; the status-code pages middleware renders it.
            return false;
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string path);
}
