using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ventanilla.Hosting;

/// <summary>
/// Degraded (not unhealthy: the service still files and shows tickets) while a background job fails
/// or stalls, so a monitor notices mail that stopped going out before a subscriber does. Each job's
/// last success and last error go with the answer.
/// </summary>
internal sealed class JobsHealthCheck(JobRegistry registry, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var reports = registry.Read();
        var data = reports.ToDictionary(r => r.Name, r => (object)new JobHealth(
            !r.Running ? "not_running" : r.Trouble(now) is null ? "ok" : "degraded",
            r.LastSuccess, r.LastFailure, r.LastError, r.ConsecutiveFailures, r.NextPassAt));
        var troubles = reports.Select(r => r.Trouble(now)).OfType<string>().ToList();
        return Task.FromResult(troubles.Count == 0
            ? HealthCheckResult.Healthy("Todas las tareas periódicas terminan bien sus pasadas.", data)
            : HealthCheckResult.Degraded(string.Join(" ", troubles), data: data));
    }
}

/// <summary>One job as <c>/health</c> shows it (with <c>Accept: application/json</c>).</summary>
internal sealed record JobHealth(string Status, DateTimeOffset? LastSuccess, DateTimeOffset? LastFailure, string? LastError,
    int ConsecutiveFailures, DateTimeOffset? NextPassAt);
