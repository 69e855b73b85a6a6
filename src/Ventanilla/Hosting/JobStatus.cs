namespace Ventanilla.Hosting;

/// <summary>
/// How one periodic job is doing, kept by the job as it runs and read by <c>/health</c>. Passes and
/// readers are on different threads, so every read and write holds the lock.
/// </summary>
public sealed class JobStatus(string name, TimeSpan interval, DateTimeOffset createdAt)
{
    private readonly Lock gate = new();
    private bool running;
    private DateTimeOffset since = createdAt;
    private DateTimeOffset? lastSuccess;
    private DateTimeOffset? lastFailure;
    private string? lastError;
    private int consecutiveFailures;
    private DateTimeOffset? nextPassAt;

    public string Name => name;

    public TimeSpan Interval => interval;

    internal void Started(DateTimeOffset now)
    {
        lock (gate)
        {
            running = true;
            since = now;
        }
    }

    internal void Succeeded(DateTimeOffset now)
    {
        lock (gate)
        {
            lastSuccess = now;
            consecutiveFailures = 0;
        }
    }

    /// <summary>Records a failed pass; answers how many have failed in a row now.</summary>
    internal int Failed(Exception error, DateTimeOffset now)
    {
        lock (gate)
        {
            lastFailure = now;
            lastError = $"{error.GetType().Name}: {error.Message}";
            return ++consecutiveFailures;
        }
    }

    internal void Sleeping(DateTimeOffset until)
    {
        lock (gate)
        {
            nextPassAt = until;
        }
    }

    public JobReport Read()
    {
        lock (gate)
        {
            return new JobReport(name, interval, running, since, lastSuccess, lastFailure, lastError, consecutiveFailures, nextPassAt);
        }
    }
}

/// <summary>
/// A job's state at one moment. <see cref="Since"/> is when it started (or was created, if this node
/// does not run it): a job that never succeeded is judged from then.
/// </summary>
public sealed record JobReport(
    string Name,
    TimeSpan Interval,
    bool Running,
    DateTimeOffset Since,
    DateTimeOffset? LastSuccess,
    DateTimeOffset? LastFailure,
    string? LastError,
    int ConsecutiveFailures,
    DateTimeOffset? NextPassAt)
{
    /// <summary>Failed passes in a row after which the job is reported degraded: one is a hiccup, three is a fault.</summary>
    public const int FailuresToDegrade = 3;

    /// <summary>
    /// Why the job needs looking at, or null when it is well: it failed its last passes, or has not
    /// finished a good one for several intervals (a pass that hangs never fails). Never degraded when
    /// this node does not run it.
    /// </summary>
    public string? Trouble(DateTimeOffset now)
    {
        if (!Running)
        {
            return null;
        }

        if (ConsecutiveFailures >= FailuresToDegrade)
        {
            return $"{Name} falló sus últimas {ConsecutiveFailures} pasadas: {LastError}";
        }

        var quiet = now - (LastSuccess ?? Since);
        return quiet > StaleAfter(Interval) ? $"{Name} no termina bien una pasada desde hace {quiet:g}." : null;
    }

    /// <summary>Several intervals, and never less than the longest back-off, so one or two failures in a row do not count.</summary>
    public static TimeSpan StaleAfter(TimeSpan interval)
    {
        var several = interval * 5;
        var floor = PeriodicJob.MaxBackoff * 2;
        return several > floor ? several : floor;
    }
}
