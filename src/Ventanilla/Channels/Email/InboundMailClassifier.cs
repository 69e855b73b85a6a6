using MimeKit;

namespace Ventanilla.Channels.Email;

/// <summary>Runs the inbound filters in order; the first verdict wins, and no verdict means a person wrote.</summary>
public sealed class InboundMailClassifier(IEnumerable<IInboundMailFilter> filters)
{
    private readonly IInboundMailFilter[] filters = [.. filters];

    // Order matters: a bounce is recognised before anything else so its report is read; our own mail
    // next, because it may carry list or auto-reply headers we set ourselves; then the auto-replies,
    // which are more specific than the bulk signs they sometimes share.
    public static InboundMailClassifier Standard { get; } = new(
    [
        new DeliveryReportFilter(),
        new OwnMessageFilter(),
        new AutoReplyFilter(),
        new BulkMailFilter(),
    ]);

    public MailVerdict Classify(MimeMessage message, MailboxContext context)
    {
        foreach (var filter in filters)
        {
            if (filter.Judge(message, context) is { } verdict)
            {
                return verdict;
            }
        }

        return MailVerdict.Normal;
    }
}
