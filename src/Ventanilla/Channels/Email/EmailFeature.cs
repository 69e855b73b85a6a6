using Microsoft.Extensions.Options;

namespace Ventanilla.Channels.Email;

public static class EmailFeature
{
    /// <summary>One poller per configured mailbox and one processor; nothing at all when no mailbox is configured.</summary>
    public static IHostApplicationBuilder AddEmail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidation>();
        var options = builder.Configuration.GetSection(EmailOptions.Section).Get<EmailOptions>() ?? new EmailOptions();
        if (options.Mailboxes.Count == 0)
        {
            return builder;
        }

        // Each mailbox loops on its own, so one failing never holds up another.
        foreach (var mailbox in options.Mailboxes)
        {
            builder.Services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<MailboxPoller>(sp, mailbox, options.RunInBackground));
        }

        builder.Services.AddScoped<InboundMailHandler>();
        builder.Services.AddSingleton<InboxProcessor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<InboxProcessor>());
        builder.Services.AddSingleton<OutboxMailSender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxMailSender>());
        return builder;
    }
}
