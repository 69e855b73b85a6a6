using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ventanilla.Web;

/// <summary>Describes the API as a whole: what it is and how integrations authenticate.</summary>
internal sealed class ApiDocument : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Ventanilla API";
        document.Info.Description =
            "Folios, tickets and subscribers of a telecom provider's customer-care procedure. " +
            "Send an API key as `Authorization: Bearer <key>`. Every error is application/problem+json, with Spanish messages.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key created by an administrator.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
        return Task.CompletedTask;
    }
}
