using Ventanilla.Channels.Email;

namespace Ventanilla.Tests.Email;

public class InboundMailClassifierTests
{
    [Fact]
    public void Classify_PersonWritingANewMessage_IsNormalAndMayBeAcknowledged()
    {
        var verdict = Mail.Classify(Mail.FromSubscriber());

        Assert.Equal(MailKind.Normal, verdict.Kind);
        Assert.True(verdict.MayAcknowledge);
    }

    [Fact]
    public void Classify_AutoSubmittedNo_IsNormal() =>
        Assert.Equal(MailKind.Normal, Mail.Classify(Mail.FromSubscriber("Auto-Submitted: no\n")).Kind);

    [Theory]
    [InlineData("Auto-Submitted: auto-replied\n", "Auto-Submitted: auto-replied")]
    [InlineData("Auto-Submitted: auto-generated; owner-email=\"x@example.com\"\n", "Auto-Submitted")]
    [InlineData("X-Autoreply: yes\n", "X-Autoreply: yes")]
    [InlineData("X-Autorespond: Fuera de la oficina\n", "X-Autorespond")]
    [InlineData("X-Auto-Response-Suppress: All\n", "X-Auto-Response-Suppress: All")]
    [InlineData("Precedence: auto_reply\n", "Precedence: auto_reply")]
    [InlineData("Return-Path: <>\n", "Return-Path: <>")]
    public void Classify_OutOfOfficeSigns_AreAutoReplies(string header, string reason)
    {
        var verdict = Mail.Classify(Mail.FromSubscriber(header));

        Assert.Equal(MailKind.AutoReply, verdict.Kind);
        Assert.StartsWith(reason, verdict.Reason, StringComparison.Ordinal);
        Assert.False(verdict.MayAcknowledge);
    }

    [Fact]
    public void Classify_OutOfOfficeReplyToOurAcknowledgement_IsAutoReplyNotNormal()
    {
        var message = Mail.Parse("""
            From: Ana López <ana.lopez@example.com>
            To: soporte@nuevomundo.mx
            Subject: Respuesta automática: Recibimos su reporte [Folio NM-2026-000123]
            Message-ID: <oof-1@mail.example.com>
            In-Reply-To: <ack.123@ventanilla.nuevomundo.mx>
            Auto-Submitted: auto-replied
            Content-Type: text/plain; charset=utf-8

            Estoy de vacaciones hasta el lunes.
            """);

        Assert.Equal(MailKind.AutoReply, Mail.Classify(message).Kind);
    }

    [Theory]
    [InlineData("List-Id: Avisos Nuevo Mundo <avisos.nuevomundo.mx>\nPrecedence: list\n", "Precedence: list")]
    [InlineData("List-Id: Avisos Nuevo Mundo <avisos.nuevomundo.mx>\n", "List-Id")]
    [InlineData("List-Unsubscribe: <mailto:baja@promo.example.com>\n", "List-Unsubscribe")]
    [InlineData("Precedence: bulk\n", "Precedence: bulk")]
    [InlineData("Precedence: junk\n", "Precedence: junk")]
    public void Classify_ListsAndNewsletters_AreBulk(string headers, string reason)
    {
        var verdict = Mail.Classify(Mail.FromSubscriber(headers));

        Assert.Equal(MailKind.Bulk, verdict.Kind);
        Assert.StartsWith(reason, verdict.Reason, StringComparison.Ordinal);
        Assert.False(verdict.MayAcknowledge);
    }

    [Theory]
    [InlineData("MAILER-DAEMON@mx.example.com")]
    [InlineData("postmaster@example.com")]
    public void Classify_PlainTextBounceFromTheMailSystem_IsBounce(string sender)
    {
        var message = Mail.Parse($"""
            From: Mail Delivery Subsystem <{sender}>
            To: soporte@nuevomundo.mx
            Subject: Delivery failure
            Content-Type: text/plain

            Your message could not be delivered.
            """);

        var verdict = Mail.Classify(message);

        Assert.Equal(MailKind.Bounce, verdict.Kind);
        Assert.False(verdict.MayAcknowledge);
    }

    [Fact]
    public void Classify_CustomFilterOrder_FirstVerdictWins()
    {
        var classifier = new InboundMailClassifier([new BulkMailFilter(), new AutoReplyFilter()]);
        var message = Mail.FromSubscriber("Precedence: list\nAuto-Submitted: auto-replied\n");

        Assert.Equal(MailKind.Bulk, classifier.Classify(message, Mail.Context).Kind);
    }
}
