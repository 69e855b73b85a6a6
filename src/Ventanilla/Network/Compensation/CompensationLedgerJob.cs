using Microsoft.Extensions.Options;
using Ventanilla.Hosting;

namespace Ventanilla.Network.Compensation;

/// <summary>Runs the ledger on a timer, one DI scope per pass; any node may run it (the unique indexes keep one line each).</summary>
public sealed class CompensationLedgerJob(IServiceScopeFactory scopes, IOptions<CompensationOptions> options, TimeProvider clock,
    ILogger<CompensationLedgerJob> log) : PeriodicJob(clock, log)
{
    protected override TimeSpan Interval => options.Value.LedgerEvery;

    // Nothing is owed in the first seconds of a start that was not owed a pass ago.
    protected override bool PassAtStart => false;

    protected override async Task RunPassAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var written = await scope.ServiceProvider.GetRequiredService<CompensationLedger>().ComputeAsync(ct);
        if (written > 0)
        {
            log.LogInformation("Wrote {Count} compensation lines", written);
        }
    }
}
