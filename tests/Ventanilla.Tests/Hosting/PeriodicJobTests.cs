using System.Collections.Concurrent;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Ventanilla.Hosting;

namespace Ventanilla.Tests.Hosting;

public class PeriodicJobTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task FailedPass_IsLoggedAtErrorWithTheJobsNameAndException_EveryTime()
    {
        var logs = new CapturingLogger();
        using var job = new TestJob(new FakeTimeProvider(), logs) { Failing = true };

        for (var pass = 0; pass < 3; pass++)
        {
            await job.RunOnceAsync(CancellationToken.None);
        }

        Assert.Equal(3, logs.Entries.Count(e => e.Level == LogLevel.Error));
        Assert.All(logs.Entries, e =>
        {
            Assert.Contains(nameof(TestJob), e.Message, StringComparison.Ordinal);
            Assert.Equal("El servidor no responde.", e.Exception?.Message);
        });
    }

    [Fact]
    public async Task FailedPassesInARow_DoubleTheSleep_UpToTheCap_AndAGoodPassGoesBackToTheInterval()
    {
        var clock = new FakeTimeProvider();
        using var job = new TestJob(clock, new CapturingLogger()) { Failing = true };

        var sleeps = new List<TimeSpan>();
        for (var pass = 0; pass < 8; pass++)
        {
            sleeps.Add(await job.RunOnceAsync(CancellationToken.None));
        }

        job.Failing = false;
        var afterGood = await job.RunOnceAsync(CancellationToken.None);

        Assert.Equal([20, 40, 80, 160, 300, 300, 300, 300], sleeps.Select(s => s.TotalSeconds));
        Assert.Equal(Interval, afterGood);
        var status = job.Status.Read();
        Assert.Equal((0, clock.GetUtcNow()), (status.ConsecutiveFailures, status.LastSuccess));
        Assert.Equal("InvalidOperationException: El servidor no responde.", status.LastError);
    }

    [Fact]
    public async Task RunningJob_AfterAFailure_WaitsItsBackOffBeforeTheNextPass()
    {
        var clock = new FakeTimeProvider();
        using var job = new TestJob(clock, new CapturingLogger()) { Failing = true };

        await job.StartAsync(CancellationToken.None);
        var firstSleep = await SleepingUntilAsync(job, previous: null);
        clock.Advance(Interval);
        await Task.Delay(50);
        var passesAfterOneInterval = job.Passes;
        clock.Advance(Interval);
        await SleepingUntilAsync(job, firstSleep);
        await job.StopAsync(CancellationToken.None);

        Assert.Equal(clock.Start + Interval * 2, firstSleep);
        Assert.Equal(1, passesAfterOneInterval);
        Assert.Equal(2, job.Passes);
    }

    [Fact]
    public async Task Health_IsDegradedWithTheErrorAfterFailedPasses_AndHealthyWithTheLastSuccessAfterAGoodOne()
    {
        var clock = new FakeTimeProvider();
        using var job = new TestJob(clock, new CapturingLogger()) { Failing = true };
        var check = new JobsHealthCheck(new JobRegistry([job]), clock);
        await job.StartAsync(CancellationToken.None);
        var sleep = await SleepingUntilAsync(job, previous: null);
        for (var failed = 1; failed < JobReport.FailuresToDegrade; failed++)
        {
            clock.Advance(sleep - clock.GetUtcNow());
            sleep = await SleepingUntilAsync(job, sleep);
        }

        var degraded = await check.CheckHealthAsync(new HealthCheckContext());
        job.Failing = false;
        clock.Advance(sleep - clock.GetUtcNow());
        await SleepingUntilAsync(job, sleep);
        var healthy = await check.CheckHealthAsync(new HealthCheckContext());
        await job.StopAsync(CancellationToken.None);

        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Contains("El servidor no responde.", degraded.Description, StringComparison.Ordinal);
        var failing = Assert.IsType<JobHealth>(degraded.Data[nameof(TestJob)]);
        Assert.Equal(("degraded", JobReport.FailuresToDegrade, (DateTimeOffset?)null), (failing.Status, failing.ConsecutiveFailures, failing.LastSuccess));
        Assert.Equal(HealthStatus.Healthy, healthy.Status);
        var well = Assert.IsType<JobHealth>(healthy.Data[nameof(TestJob)]);
        Assert.Equal(("ok", 0, (DateTimeOffset?)sleep), (well.Status, well.ConsecutiveFailures, well.LastSuccess));
    }

    [Fact]
    public void JobThatHasNotSucceededForSeveralIntervals_IsDegraded_UnlessThisNodeDoesNotRunIt()
    {
        var start = new DateTimeOffset(2026, 3, 18, 17, 0, 0, TimeSpan.Zero);
        var report = new JobReport("Lento", Interval, true, start, start, null, null, 0, null);
        var later = start + JobReport.StaleAfter(Interval);

        Assert.Null(report.Trouble(later));
        Assert.NotNull(report.Trouble(later + TimeSpan.FromSeconds(1)));
        Assert.Null((report with { Running = false }).Trouble(later + TimeSpan.FromHours(1)));
    }

    // Waits (a bounded number of real milliseconds) until the job sleeps until a new instant.
    private static async Task<DateTimeOffset> SleepingUntilAsync(TestJob job, DateTimeOffset? previous)
    {
        for (var tries = 0; tries < 500; tries++)
        {
            if (job.Status.Read().NextPassAt is { } next && next != previous)
            {
                return next;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException("The job never went to sleep.");
    }

    private sealed class TestJob(TimeProvider clock, ILogger log) : PeriodicJob(clock, log)
    {
        private int passes;

        public bool Failing { get; set; }

        public int Passes => Volatile.Read(ref passes);

        protected override TimeSpan Interval => PeriodicJobTests.Interval;

        protected override Task RunPassAsync(CancellationToken ct)
        {
            Interlocked.Increment(ref passes);
            return Failing ? throw new InvalidOperationException("El servidor no responde.") : Task.CompletedTask;
        }
    }

    private sealed class CapturingLogger : ILogger
    {
        public ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue((logLevel, formatter(state, exception), exception));
    }
}
