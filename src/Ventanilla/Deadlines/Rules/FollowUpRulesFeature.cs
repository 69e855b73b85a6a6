using Ventanilla.Supervision;

namespace Ventanilla.Deadlines.Rules;

/// <summary>Calendars, deadline rules, routing and supervisor notices: the rules side of the follow-up engine.</summary>
public static class FollowUpRulesFeature
{
    public static IHostApplicationBuilder AddFollowUpRules(this IHostApplicationBuilder builder)
    {
        // FollowUpOptions are registered by AddFollowUp, which owns the section.
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
