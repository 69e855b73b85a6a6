namespace Ventanilla.Hosting;

/// <summary>
/// Every periodic job of this node, as the host started them, with how each is doing. Jobs keep their
/// own <see cref="JobStatus"/> rather than being handed the registry: their constructors stay what
/// their subclasses already call.
/// </summary>
public sealed class JobRegistry(IEnumerable<IHostedService> hosted)
{
    private readonly IReadOnlyList<PeriodicJob> jobs = [.. hosted.OfType<PeriodicJob>().DistinctBy(j => j.Name).OrderBy(j => j.Name, StringComparer.Ordinal)];

    public IReadOnlyList<PeriodicJob> Jobs => jobs;

    public IReadOnlyList<JobReport> Read() => [.. jobs.Select(j => j.Status.Read())];
}
