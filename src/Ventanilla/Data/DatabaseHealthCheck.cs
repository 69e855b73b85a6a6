using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ventanilla.Data;

/// <summary>Healthy only while the database answers: without it nothing can be filed or followed.</summary>
internal sealed class DatabaseHealthCheck(VentanillaDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("La base de datos no responde.");
}
