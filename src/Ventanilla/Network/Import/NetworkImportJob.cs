using Ventanilla.Hosting;

namespace Ventanilla.Network.Import;

/// <summary>Reads queued network files in the background, one DI scope per pass; an upload wakes it.</summary>
public sealed class NetworkImportJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger<NetworkImportJob> log)
    : PeriodicJob(clock, log)
{
    // Uploads wake the job; the tick only picks up runs another node queued or a dead node left.
    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override async Task RunPassAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<NetworkImports>().RunQueuedAsync(ct);
    }
}
