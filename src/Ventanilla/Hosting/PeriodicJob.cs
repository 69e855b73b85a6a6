namespace Ventanilla.Hosting;

/// <summary>
/// Background work that runs in passes: a pass, then a sleep of <see cref="Interval"/> (cut short by
/// <see cref="Wake"/>). Every failed pass is logged at Error with the job's name, and each failure in
/// a row doubles the sleep (up to <see cref="MaxBackoff"/>) so a database or server that is down is
/// not hammered; the first good pass goes back to the interval. What happened is kept in
/// <see cref="Status"/>, which <see cref="JobRegistry"/> shows on <c>/health</c>.
/// </summary>
public abstract class PeriodicJob(TimeProvider clock, ILogger log) : BackgroundService
{
    /// <summary>The longest a failing job sleeps between passes (or its interval, when that is longer).</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim wake = new(0, 1);
    private JobStatus? status;

    protected TimeProvider Clock => clock;

    /// <summary>How long the job sleeps between passes when nobody wakes it and the last pass went well.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>False when the settings say this node does not run the job (tests drive passes themselves).</summary>
    protected virtual bool RunsInBackground => true;

    /// <summary>False for a job whose first pass would repeat what start-up just did (a settings cache loaded before the server starts).</summary>
    protected virtual bool PassAtStart => true;

    /// <summary>What logs and <c>/health</c> call the job.</summary>
    public virtual string Name => GetType().Name;

    /// <summary>How the job is doing, for <c>/health</c>.</summary>
    public JobStatus Status => LazyInitializer.EnsureInitialized(ref status, () => new JobStatus(Name, Interval, clock.GetUtcNow()));

    /// <summary>One pass over the waiting work. An exception is a failed pass: logged, and retried after a back-off.</summary>
    protected abstract Task RunPassAsync(CancellationToken ct);

    /// <summary>Runs when the job stops, after its last pass, to wait for work it started of its own.</summary>
    protected virtual Task StoppedAsync() => Task.CompletedTask;

    /// <summary>Tells the job that work is waiting; it starts now instead of at its next tick.</summary>
    public void Wake()
    {
        try
        {
            wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken: the next pass sees everything stored by then.
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!RunsInBackground)
        {
            return;
        }

        Status.Started(clock.GetUtcNow());
        try
        {
            var sleep = PassAtStart ? TimeSpan.Zero : Interval;
            while (!stoppingToken.IsCancellationRequested)
            {
                if (sleep > TimeSpan.Zero)
                {
                    await SleepAsync(sleep, stoppingToken);
                }

                if (!stoppingToken.IsCancellationRequested)
                {
                    sleep = await RunOnceAsync(stoppingToken);
                }
            }
        }
        finally
        {
            await StoppedAsync();
        }
    }

    /// <summary>
    /// Runs one pass and records how it went; answers how long to sleep before the next: the interval
    /// after a good pass, twice as long for each failure in a row after a bad one.
    /// </summary>
    internal async Task<TimeSpan> RunOnceAsync(CancellationToken ct)
    {
        try
        {
            await RunPassAsync(ct);
            Status.Succeeded(clock.GetUtcNow());
            return Interval;
        }
        catch (Exception error) when (!ct.IsCancellationRequested)
        {
            var failures = Status.Failed(error, clock.GetUtcNow());
            var delay = BackoffAfter(failures);
            log.LogError(error, "Falló la pasada de {Job} ({Failures} seguidas); la siguiente, en {Delay}.", Name, failures, delay);
            return delay;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: a pass cut short is not a failure, and what it claimed carries its own lease.
            return Interval;
        }
    }

    /// <summary>The sleep after <paramref name="failures"/> failed passes in a row: 2, 4, 8… intervals, at most <see cref="MaxBackoff"/>.</summary>
    internal TimeSpan BackoffAfter(int failures)
    {
        var cap = Interval > MaxBackoff ? Interval : MaxBackoff;
        // Past 2^20 intervals every job is at its cap; the bound keeps the double finite.
        var wait = Interval * Math.Pow(2, Math.Min(failures, 20));
        return wait > cap ? cap : wait;
    }

    private async Task SleepAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var tick = Task.Delay(delay, clock, either.Token);
        // Published only once the timer exists, so whoever reads it and then moves a test clock moves this timer too.
        Status.Sleeping(clock.GetUtcNow() + delay);
        var woken = wake.WaitAsync(either.Token);
        await Task.WhenAny(tick, woken);
        await either.CancelAsync();
        try
        {
            await Task.WhenAll(tick, woken);
        }
        catch (OperationCanceledException)
        {
            // The one that did not finish was cancelled. A wake it swallowed is not lost: the work is
            // stored, and the pass about to start finds it.
        }
    }

    public override void Dispose()
    {
        wake.Dispose();
        base.Dispose();
        GC.SuppressFinalize(this);
    }
}
