using Ventanilla.Channels.Email;

namespace Ventanilla.Tests.Email;

public class LoopAndBounceTests
{
    private static string Dsn(string action, string status, string returnedPart) => $"""
        Return-Path: <>
        From: Mail Delivery System <MAILER-DAEMON@mx.nuevomundo.mx>
        To: soporte@nuevomundo.mx
        Subject: Undelivered Mail Returned to Sender
        Message-ID: <20261126161500.4F2A1@mx.nuevomundo.mx>
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="dsn-1"

        --dsn-1
        Content-Type: text/plain; charset=us-ascii

        I'm sorry to have to inform you that your message could not
        be delivered to one or more recipients.

        --dsn-1
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.nuevomundo.mx
        Arrival-Date: Thu, 26 Nov 2026 16:14:58 +0000 (UTC)

        Final-Recipient: rfc822; ana.lopez@example.com
        Action: {action}
        Status: {status}
        Diagnostic-Code: smtp; 550 5.1.1 <ana.lopez@example.com>: Recipient address rejected: User unknown

        --dsn-1
        Content-Type: {returnedPart}

        From: Nuevo Mundo <soporte@nuevomundo.mx>
        To: ana.lopez@example.com
        Subject: Recibimos su reporte [Folio NM-2026-000123]
        Message-ID: <ack.5d1f@ventanilla.nuevomundo.mx>
        X-Ventanilla-Folio: NM-2026-000123

        --dsn-1--
        """;

    [Theory]
    [InlineData("text/rfc822-headers")]
    [InlineData("message/rfc822")]
    public void Classify_DeliveryStatusReport_IsBounceWithOriginalIdAndFailedRecipient(string returnedPart)
    {
        var verdict = Mail.Classify(Mail.Parse(Dsn("failed", "5.1.1", returnedPart)));

        Assert.Equal(MailKind.Bounce, verdict.Kind);
        Assert.Equal("ack.5d1f@ventanilla.nuevomundo.mx", verdict.OriginalMessageId);
        Assert.Equal("ana.lopez@example.com", verdict.FailedRecipient);
        Assert.False(verdict.MayAcknowledge);
    }

    [Fact]
    public void Classify_DelayNotice_IsAutomaticButNotABounce()
    {
        var verdict = Mail.Classify(Mail.Parse(Dsn("delayed", "4.4.7", "text/rfc822-headers")));

        Assert.Equal(MailKind.AutoReply, verdict.Kind);
        Assert.Null(verdict.FailedRecipient);
    }

    [Fact]
    public void Classify_ReadReceipt_IsAutoReply()
    {
        var message = Mail.Parse("""
            From: Ana López <ana.lopez@example.com>
            To: soporte@nuevomundo.mx
            Subject: Leído: Recibimos su reporte
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=disposition-notification; boundary="r"

            --r
            Content-Type: text/plain

            Su mensaje fue leído.
            --r--
            """);

        Assert.Equal(MailKind.AutoReply, Mail.Classify(message).Kind);
    }

    [Fact]
    public void Classify_OurAcknowledgementComingBack_IsOwnMessage()
    {
        // An alias at the subscriber's side forwarded our acknowledgement straight back to us.
        var message = Mail.Parse("""
            From: Nuevo Mundo <soporte@nuevomundo.mx>
            To: ana.lopez@example.com
            Subject: Recibimos su reporte [Folio NM-2026-000123]
            Message-ID: <ack.5d1f@ventanilla.nuevomundo.mx>
            X-Ventanilla-Folio: NM-2026-000123
            Content-Type: text/plain; charset=utf-8

            Su folio es NM-2026-000123.
            """);

        var verdict = Mail.Classify(message);

        Assert.Equal(MailKind.OwnMessage, verdict.Kind);
        Assert.False(verdict.MayAcknowledge);
    }

    [Theory]
    [InlineData("X-Ventanilla-Folio: NM-2026-000123\n", "X-Ventanilla-Folio")]
    [InlineData("Message-ID: <ack.77@VENTANILLA.nuevomundo.mx>\n", "Message-ID")]
    public void Classify_EachSignOfOurOwnMail_IsOwnMessage(string header, string reason)
    {
        var message = Mail.Parse($"""
            From: Reenvíos <reenvios@example.com>
            To: soporte@nuevomundo.mx
            Subject: Recibimos su reporte
            {header}Content-Type: text/plain

            Su folio es NM-2026-000123.
            """);

        var verdict = Mail.Classify(message);

        Assert.Equal(MailKind.OwnMessage, verdict.Kind);
        Assert.StartsWith(reason, verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_FromOneOfOurMailboxes_IsOwnMessage()
    {
        var message = Mail.Parse("""
            From: Quejas <Quejas@NuevoMundo.mx>
            To: soporte@nuevomundo.mx
            Subject: Copia
            Content-Type: text/plain

            Copia interna.
            """);

        Assert.Equal(MailKind.OwnMessage, Mail.Classify(message).Kind);
    }

    [Fact]
    public void Classify_SubscriberAnsweringOurAcknowledgement_IsNormal()
    {
        var message = Mail.Parse("""
            From: Ana López <ana.lopez@example.com>
            To: soporte@nuevomundo.mx
            Subject: Re: Recibimos su reporte [Folio NM-2026-000123]
            Message-ID: <CAF999@mail.example.com>
            In-Reply-To: <ack.5d1f@ventanilla.nuevomundo.mx>
            References: <ack.5d1f@ventanilla.nuevomundo.mx>
            Content-Type: text/plain; charset=utf-8

            Sigue igual, no tengo señal.
            """);

        Assert.Equal(MailKind.Normal, Mail.Classify(message).Kind);
    }
}
