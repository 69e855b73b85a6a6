using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ventanilla.Channels.Portal;
using Ventanilla.Data;

namespace Ventanilla.IntegrationTests.Portal;

/// <summary>How long a cancellation takes never tells whether the contract exists.</summary>
public class PortalCancellationFloorTests
{
    [Theory, BothDatabases]
    public async Task A_cancellation_with_an_unknown_contract_answers_no_sooner_than_the_proof_floor(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database, new Dictionary<string, string?> { ["Portal:ProofFloorMilliseconds"] = "300" });
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 16, 0, 0, TimeSpan.Zero));
        await using var node = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        await using var scope = node.Services.CreateAsyncScope();
        var intake = scope.ServiceProvider.GetRequiredService<PortalIntake>();

        var answer = intake.CancelAsync(new CancelForm { AccountNumber = "ZAC-99999", Proof = "otra@example.mx", Consent = true }, CancellationToken.None);
        clock.Advance(TimeSpan.FromMilliseconds(299));
        // Real time for the lookup to finish; the answer must still wait for the clock.
        var early = await Task.WhenAny(answer, Task.Delay(TimeSpan.FromSeconds(2))) == answer;
        clock.Advance(TimeSpan.FromMilliseconds(1));
        var outcome = await answer.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(early);
        Assert.Null(outcome.Ticket);
        Assert.Contains("proof", outcome.Errors.Keys);
    }
}
