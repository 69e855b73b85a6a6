namespace Ventanilla.Demo;

public static class DemoFeature
{
    public const string Flag = "--seed-demo";

    /// <summary>Loads the demo data set when the service was started with <c>--seed-demo</c>.</summary>
    public static async Task SeedDemoDataIfAskedAsync(this WebApplication app, string[] args)
    {
        if (args.Contains(Flag, StringComparer.Ordinal))
        {
            await DemoData.SeedAsync(app.Services);
        }
    }
}
