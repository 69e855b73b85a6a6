using System.Diagnostics;

namespace Ventanilla.Channels.Portal;

/// <summary>
/// Answers no sooner than a minimum time after the work began, so how long a folio check takes never
/// tells whether the folio exists.
/// </summary>
public static class ResponseFloor
{
    public static async Task<T> RunAsync<T>(TimeSpan floor, Func<Task<T>> work, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await work();
        var left = floor - Stopwatch.GetElapsedTime(started);
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left, ct);
        }

        return result;
    }

    /// <summary>The same, timed by <paramref name="clock"/>, so a test can move time instead of waiting for it.</summary>
    public static async Task<T> RunAsync<T>(TimeSpan floor, Func<Task<T>> work, TimeProvider clock, CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        var result = await work();
        var left = floor - clock.GetElapsedTime(started);
        if (left > TimeSpan.Zero)
        {
            await Task.Delay(left, clock, ct);
        }

        return result;
    }

    public static Task RunAsync(TimeSpan floor, Func<Task> work, CancellationToken ct) =>
        RunAsync(floor, async () =>
        {
            await work();
            return true;
        }, ct);
}
