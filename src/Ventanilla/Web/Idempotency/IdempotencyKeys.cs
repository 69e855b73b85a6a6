using System.Security.Claims;
using Microsoft.Extensions.Primitives;
using Ventanilla.Intake;

namespace Ventanilla.Web.Idempotency;

/// <summary>How an endpoint's effect is written, which decides how its stored answer is kept with it.</summary>
public enum IdempotentWrites
{
    /// <summary>
    /// The handler writes through the request's own <c>VentanillaDbContext</c>: the answer is stored
    /// in the same transaction as the effect, so one never exists without the other.
    /// </summary>
    RequestTransaction,

    /// <summary>
    /// The handler's effect is written elsewhere (ticket intake commits on its own scope): no
    /// transaction is held around it, and a retry after a crash relies on the effect's own key
    /// (<see cref="IdempotencyKeys.SourceKeyOf"/>) to find what was already done.
    /// </summary>
    OwnWrites,
}

/// <summary>Marks an endpoint that honours <c>Idempotency-Key</c>.</summary>
public sealed record IdempotentEndpoint(IdempotentWrites Writes);

/// <summary>The <c>Idempotency-Key</c> request header: marking endpoints, reading the key and its caller.</summary>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotency-Replayed";

    public static IHostApplicationBuilder AddIdempotency(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IdempotencySweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IdempotencySweeper>());
        return builder;
    }

    /// <summary>After authorization, so that the caller is known and a refused request stores nothing.</summary>
    public static IApplicationBuilder UseIdempotency(this IApplicationBuilder app) => app.UseMiddleware<IdempotencyMiddleware>();

    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder endpoint, IdempotentWrites writes = IdempotentWrites.RequestTransaction) =>
        endpoint.WithMetadata(new IdempotentEndpoint(writes));

    /// <summary>
    /// <c>api:&lt;caller&gt;:&lt;key&gt;</c> for a request that carries a valid key, or null: what the
    /// ticket intake keeps as the ticket's source, so a creation retried after a crash finds its ticket.
    /// </summary>
    public static string? SourceKeyOf(HttpContext http) =>
        KeyOf(http.Request.Headers[Header]) is { } key && CallerOf(http.User) is { } caller ? SourceKeys.Api(caller, key) : null;

    /// <summary>The key when the header holds exactly one value of 1 to 255 characters.</summary>
    internal static string? KeyOf(StringValues values) =>
        values.Count == 1 && values[0] is { Length: > 0 and <= IdempotencyRecord.KeyLength } key ? key : null;

    /// <summary>An API key's id or a staff member's id, each in its own namespace so they never collide.</summary>
    internal static string? CallerOf(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }

        var caller = id.StartsWith("api-key:", StringComparison.Ordinal) ? id : "staff:" + id;
        return caller.Length <= IdempotencyRecord.CallerLength ? caller : null;
    }
}
