using System.Diagnostics;

namespace Ventanilla.IntegrationTests.Nodes;

/// <summary>
/// A bound on how long a test waits for real child processes, measured by the monotonic stopwatch:
/// it never reads the time of day, so a run at any hour or date waits the same.
/// </summary>
internal sealed class TimeLimit(TimeSpan limit)
{
    private readonly Stopwatch watch = Stopwatch.StartNew();

    public bool Left => watch.Elapsed < limit;
}
