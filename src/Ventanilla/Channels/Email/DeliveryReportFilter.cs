using MimeKit;

namespace Ventanilla.Channels.Email;

/// <summary>Delivery reports: bounces of what we sent, and the other machine-made reports that look like them.</summary>
public sealed class DeliveryReportFilter : IInboundMailFilter
{
    private static readonly string[] DaemonNames = ["mailer-daemon", "postmaster"];

    public MailVerdict? Judge(MimeMessage message, MailboxContext context)
    {
        if (message.Body is MultipartReport report)
        {
            return FromReport(report);
        }

        // Older servers (qmail, some appliances) bounce in plain text, but always from one of these.
        var sender = message.From.Mailboxes.FirstOrDefault()?.Address ?? message.Sender?.Address;
        if (MailHeaders.LocalPart(sender) is { } local && DaemonNames.Contains(local))
        {
            return MailVerdict.Bounce($"From: {sender}", null, null);
        }

        return null;
    }

    private static MailVerdict FromReport(MultipartReport report)
    {
        var type = report.ReportType?.ToLowerInvariant();
        if (type != "delivery-status")
        {
            // Read receipts (disposition-notification) and abuse feedback are automatic, not bounces.
            return MailVerdict.AutoReply($"multipart/report; report-type={type}");
        }

        var status = DeliveryStatusReport.Read(report);
        if (status.FailedRecipient is null && status.AnyRecipient)
        {
            // "delayed" or "delivered": the message is on its way, nothing failed yet.
            return MailVerdict.AutoReply("multipart/report; report-type=delivery-status (not failed)");
        }

        return MailVerdict.Bounce("multipart/report; report-type=delivery-status", status.OriginalMessageId, status.FailedRecipient) with
        {
            OriginalFolio = status.OriginalFolio,
        };
    }
}
