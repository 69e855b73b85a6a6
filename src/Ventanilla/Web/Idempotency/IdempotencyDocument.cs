using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ventanilla.Web.Idempotency;

/// <summary>Shows the optional <c>Idempotency-Key</c> header on the operations that honour it.</summary>
internal sealed class IdempotencyDocument : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<IdempotentEndpoint>().Any())
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKeys.Header,
            In = ParameterLocation.Header,
            Required = false,
            Description =
                "Optional, 1 to 255 characters, unique per operation. Retrying with the same key and the same request " +
                "replays the first answer (with `Idempotency-Replayed: true`) instead of doing it again; the same key with " +
                "another request is 422; while the first is still running, 409 with Retry-After. Keys are kept per API key " +
                "or staff member for `Api:IdempotencyKeyLifetime` (24 hours). 5xx answers are not kept.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyRecord.KeyLength },
        });
        return Task.CompletedTask;
    }
}
