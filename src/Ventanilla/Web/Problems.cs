using Microsoft.AspNetCore.Http.HttpResults;
using Ventanilla.Tickets;

namespace Ventanilla.Web;

/// <summary>Spanish titles for every error, and the shapes of the ones we build ourselves.</summary>
public static class Problems
{
    private static readonly Dictionary<int, string> Titles = new()
    {
        [400] = "La solicitud no es válida.",
        [401] = "Falta la clave de API o no es válida.",
        [403] = "Tu rol no tiene permiso para esta operación.",
        [404] = "No se encontró lo que buscas.",
        [405] = "Este método no se admite aquí.",
        [409] = "La operación choca con el estado actual.",
        [413] = "La solicitud es demasiado grande.",
        [415] = "El tipo de contenido no se admite; envía application/json.",
        [429] = "Demasiadas solicitudes; espera un momento.",
        [500] = "Ocurrió un error interno. Ya quedó registrado.",
    };

    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        // Replace the framework's English defaults, but keep titles we wrote ourselves.
        if (Titles.TryGetValue(status, out var title) && (problem.Title is null || IsFrameworkTitle(problem.Title)))
        {
            problem.Title = title;
        }

        problem.Extensions["traceId"] = context.HttpContext.TraceIdentifier;
    }

    private static bool IsFrameworkTitle(string title) =>
        title.StartsWith("One or more validation errors", StringComparison.Ordinal)
        || title is "Bad Request" or "Unauthorized" or "Forbidden" or "Not Found" or "Conflict" or "Method Not Allowed"
            or "Unsupported Media Type" or "Payload Too Large" or "Too Many Requests" or "An error occurred while processing your request.";

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "No se encontró lo que buscas.");

    public static ProblemHttpResult Conflict(string title, string? detail = null, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(title: title, detail: detail, statusCode: StatusCodes.Status409Conflict, extensions: extensions);

    public static ProblemHttpResult StaleUpdate() => Conflict(
        "Alguien más modificó este registro mientras lo editabas.",
        "Vuelve a cargarlo para ver los cambios y repite la operación.");

    public static ProblemHttpResult From(RuleViolation violation) => Conflict(
        violation.Message,
        null,
        new Dictionary<string, object?>
        {
            ["currentStatus"] = Wire.Name(violation.Current),
            ["allowedStatuses"] = violation.Allowed.Select(s => Wire.Name(s)).ToArray(),
            ["missing"] = violation.Missing,
        });

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Revisa los datos enviados.");
}
