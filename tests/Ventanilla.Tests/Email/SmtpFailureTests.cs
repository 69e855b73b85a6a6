using MailKit.Net.Smtp;
using MimeKit;
using Ventanilla.Channels.Email;

namespace Ventanilla.Tests.Email;

public class SmtpFailureTests
{
    private static readonly MailboxAddress Ana = new("Ana", "ana@example.com");

    [Fact]
    public void A_5xx_refusal_of_the_recipient_is_permanent()
    {
        var failure = SmtpFailure.Of(new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, Ana, "5.1.1 User unknown"));

        Assert.True(failure.Permanent);
        Assert.Contains("550", failure.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_5xx_refusal_of_the_message_is_permanent()
    {
        Assert.True(SmtpFailure.Of(new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.TransactionFailed, "5.7.1 Rechazado")).Permanent);
    }

    [Fact]
    public void A_4xx_answer_is_passing()
    {
        var failure = SmtpFailure.Of(new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.ErrorInProcessing, "4.3.0 Intente más tarde"));

        Assert.False(failure.Permanent);
        Assert.Contains("451", failure.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_5xx_refusal_of_our_own_sender_address_is_retried_because_it_is_our_configuration()
    {
        Assert.False(SmtpFailure.Of(new SmtpCommandException(SmtpErrorCode.SenderNotAccepted, SmtpStatusCode.MailboxUnavailable, Ana, "5.7.1 Sender rejected")).Permanent);
    }

    [Fact]
    public void A_server_that_is_down_is_passing()
    {
        Assert.False(SmtpFailure.Of(new System.Net.Sockets.SocketException(111)).Permanent);
    }
}
