namespace Ventanilla.Demo;

/// <summary>
/// A clock the seeder sets by hand, so tickets registered through the real intake carry the
/// dates of a believable past instead of the moment the seeder ran.
/// </summary>
internal sealed class DemoClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
