using Ventanilla.Staff;

namespace Ventanilla.Network.Compensation;

/// <summary>The compensation policy and ledger.</summary>
public static class CompensationFeature
{
    public static WebApplicationBuilder AddCompensation(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CompensationOptions>().BindConfiguration(CompensationOptions.Section)
            .Validate(o => o.LedgerEvery > TimeSpan.Zero && o.WebhookEvery > TimeSpan.Zero, "Compensation:LedgerEvery and WebhookEvery must be positive.")
            .Validate(o => string.IsNullOrWhiteSpace(o.WebhookUrl) || (Uri.TryCreate(o.WebhookUrl, UriKind.Absolute, out var u) && !string.IsNullOrEmpty(o.WebhookSecret)),
                "Compensation:WebhookUrl must be an absolute URL, and needs Compensation:WebhookSecret.")
            .ValidateOnStart();
        builder.Services.AddHostedService<CompensationPolicySeed>();
        builder.Services.AddScoped<CompensationApprovals>();
        builder.Services.AddScoped<CompensationLedger>();
        builder.Services.AddSingleton<CompensationLedgerJob>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CompensationLedgerJob>());
        builder.Services.AddHttpClient(nameof(CompensationWebhookSender), http => http.Timeout = TimeSpan.FromSeconds(30));
        builder.Services.AddSingleton<CompensationWebhookSender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CompensationWebhookSender>());
        return builder;
    }

    public static WebApplication MapCompensation(this WebApplication app)
    {
        app.MapCompensationApi();
        // The console's own links to the exports: signed-in staff carry a cookie, not an API key.
        var console = app.MapGroup("/bonificaciones").RequireAuthorization(Rights.ReadCompensation).ExcludeFromDescription();
        console.MapGet("/exportar.csv", CompensationApi.ExportCsv);
        console.MapGet("/exportar.xlsx", CompensationApi.ExportXlsx);
        return app;
    }
}
