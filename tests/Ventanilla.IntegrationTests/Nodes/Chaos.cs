namespace Ventanilla.IntegrationTests.Nodes;

/// <summary>
/// Kills a node with SIGKILL at seeded random moments, a given number of times, and starts it again
/// each time; it also restarts the node when something else (a test's hook) killed it.
/// </summary>
internal sealed class Chaos(ServiceNode node, int seed, int kills, TimeSpan shortest, TimeSpan longest)
{
    private readonly Random random = new(seed);

    /// <summary>The random kills done so far.</summary>
    public int Done { get; private set; }

    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                if (!node.IsRunning)
                {
                    await node.RestartAsync();
                    continue;
                }

                if (Done == kills)
                {
                    await Task.Delay(50, stop);
                    continue;
                }

                var wait = new TimeLimit(shortest + ((longest - shortest) * random.NextDouble()));
                while (wait.Left && node.IsRunning)
                {
                    await Task.Delay(20, stop);
                }

                if (!node.IsRunning)
                {
                    // Something else killed it meanwhile: that kill does not count as one of these.
                    continue;
                }

                node.Kill();
                Done++;
                await node.RestartAsync();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>Stops the kills and waits until the loop has ended (a restart under way finishes first).</summary>
    public static async Task StopAsync(CancellationTokenSource stop, Task running)
    {
        await stop.CancelAsync();
        await running;
    }
}
