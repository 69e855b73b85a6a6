using Microsoft.AspNetCore.Http.HttpResults;
using Ventanilla.Data;
using Ventanilla.Provider;
using Ventanilla.Staff;
using Ventanilla.Web;

namespace Ventanilla.Network.Outages;

/// <summary>
/// "Is the person calling under an outage?", for a phone system that announces it before an agent
/// answers (or an IVR that offers to file a linked report): by the caller's phone, a contract
/// number or a service code.
/// </summary>
public static class AffectingApi
{
    public static void MapAffectingApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/outages").WithTags("Fallas masivas").RequireAuthorization(Rights.ReadOutages);
        group.MapGet("/affecting", Affecting);
    }

    public static async Task<Results<Ok<AffectingResponse>, ValidationProblem>> Affecting(string? phone, string? contract, string? service,
        VentanillaDbContext db, ProviderDirectory provider, TimeProvider clock, CancellationToken ct)
    {
        var given = new[] { phone, contract, service }.Count(v => !string.IsNullOrWhiteSpace(v));
        if (given != 1)
        {
            return Problems.Invalid(new Dictionary<string, string[]>
            {
                ["phone"] = ["Indica uno solo de estos datos: phone (teléfono), contract (número de contrato) o service (código del servicio)."],
            });
        }

        if (!string.IsNullOrWhiteSpace(phone) && Subscribers.MexicanPhones.Normalize(phone) is null)
        {
            return Problems.Invalid(new Dictionary<string, string[]> { ["phone"] = ["No es un número de teléfono válido."] });
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var outages = !string.IsNullOrWhiteSpace(phone) ? await db.AffectingPhoneAsync(phone, now, ct)
            : !string.IsNullOrWhiteSpace(contract) ? await db.AffectingContractAsync(contract, now, ct)
            : await db.AffectingServiceAsync(service!, now, ct);
        return TypedResults.Ok(new AffectingResponse(outages.Count > 0, [.. outages.Select(o => new AffectingOutage(
            o.Id, o.Code, o.Title, Wire.Name(o.Kind), Wire.Name(o.Status), o.StartedAt, o.EstimatedRestorationAt, o.ServiceCodes,
            OutageTexts.InYourZone(o, provider.Current)))]));
    }
}

/// <param name="Affected">True when at least one active outage hits the caller's active services.</param>
public sealed record AffectingResponse(bool Affected, IReadOnlyList<AffectingOutage> Outages);

/// <param name="Message">What to tell the caller, in Spanish, with the estimate in the provider's time zone.</param>
public sealed record AffectingOutage(long Id, string Code, string Title, string Kind, string Status, DateTime StartedAt,
    DateTime? EstimatedRestorationAt, IReadOnlyList<string> Services, string Message);
