using Microsoft.Extensions.Options;
using Ventanilla.Data;

namespace Ventanilla.Channels.Email;

public static class EmailFeature
{
    /// <summary>
    /// The pollers, the inbox processor and the SMTP sender. They always run: mailboxes live in the
    /// database and an administrator may add the first one at any time; with none they only look.
    /// </summary>
    public static IHostApplicationBuilder AddEmail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidation>();
        builder.Services.AddSingleton<MailboxDirectory>();
        builder.Services.AddSingleton<MailboxPoller>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MailboxPoller>());
        builder.Services.AddScoped<InboundMailHandler>();
        builder.Services.AddSingleton<InboxProcessor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<InboxProcessor>());
        builder.Services.AddSingleton<OutboxMailSender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxMailSender>());
        return builder;
    }

    /// <summary>Adds the mailboxes configuration names that the database does not have yet.</summary>
    public static async Task SeedMailboxesAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        await app.Services.GetRequiredService<MailboxDirectory>().SeedAsync(db, CancellationToken.None);
    }

    public static IEndpointRouteBuilder MapEmail(this IEndpointRouteBuilder app)
    {
        FlaggedMailApi.Map(app);
        return app;
    }
}
