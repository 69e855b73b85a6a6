using Ventanilla.FollowUp.Supervision;

namespace Ventanilla.FollowUp.Rules;

public static class FollowUpFeature
{
    public static IHostApplicationBuilder AddFollowUp(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FollowUpOptions>().BindConfiguration(FollowUpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<FollowUpDirectory>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<FollowUpDirectory>());
        builder.Services.AddSingleton<ClockKeeper>();
        builder.Services.AddSingleton<DeadlineRecompute>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeadlineRecompute>());
        builder.Services.AddSingleton<SupervisorNotices>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SupervisorNotices>());
        return builder;
    }

    /// <summary>Seeds the rules on a fresh install and loads them, before the first report can arrive.</summary>
    public static Task LoadFollowUpRulesAsync(this WebApplication app) =>
        app.Services.GetRequiredService<FollowUpDirectory>().LoadAsync();
}
