using Microsoft.Extensions.Options;
using Ventanilla.Subscribers;

namespace Ventanilla.Channels.Email;

/// <summary>Checks every mailbox on start, naming the one that is wrong, so a typo never waits for the first poll.</summary>
internal sealed class EmailOptionsValidation : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var errors = new List<string>();
        for (var i = 0; i < options.Mailboxes.Count; i++)
        {
            var mailbox = options.Mailboxes[i];
            var key = $"Email:Mailboxes:{i}";
            if (EmailAddresses.Normalize(mailbox.Address) is null)
            {
                errors.Add($"{key}:Address must be an email address.");
            }

            if (!mailbox.Imap.IsComplete)
            {
                errors.Add($"{key}:Imap needs Host, Port (1-65535), Username and Password.");
            }

            // A mailbox without Smtp only reads (another one sends), but half an endpoint is a mistake.
            if (mailbox.Smtp.Host.Length > 0 && !mailbox.Smtp.IsComplete)
            {
                errors.Add($"{key}:Smtp needs Host, Port (1-65535), Username and Password.");
            }

            if (mailbox.PollSeconds is < 1 or > 86_400)
            {
                errors.Add($"{key}:PollSeconds must be between 1 and 86400.");
            }
        }

        if (options.AutoReplyDailyCap is < 1 or > 1000)
        {
            errors.Add("Email:AutoReplyDailyCap must be between 1 and 1000.");
        }

        var duplicates = options.Mailboxes.GroupBy(m => m.Address.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1);
        errors.AddRange(duplicates.Select(g => $"Email:Mailboxes lists {g.Key} more than once."));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
