using System.Diagnostics;

namespace Ventanilla.WhatsAppBench;

/// <summary>Hands out send times at a fixed rate, so the load is the rate asked for and not whatever the service can bear.</summary>
internal sealed class Pacer(int perSecond)
{
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private long issued;

    public TimeSpan Elapsed => clock.Elapsed;

    /// <summary>Waits for this caller's turn; false once <paramref name="until"/> has passed.</summary>
    public async Task<bool> NextAsync(TimeSpan until)
    {
        var n = Interlocked.Increment(ref issued) - 1;
        var at = TimeSpan.FromSeconds((double)n / perSecond);
        if (at >= until)
        {
            return false;
        }

        var wait = at - clock.Elapsed;
        if (wait > TimeSpan.FromMilliseconds(1))
        {
            await Task.Delay(wait);
        }

        return true;
    }
}
