using System.Text;
using MimeKit;
using Ventanilla.Channels.Email;

namespace Ventanilla.Tests.Email;

/// <summary>Messages as they arrive: literal RFC 5322 text, in the bytes the sender's client wrote.</summary>
internal static class Mail
{
    static Mail() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static MailboxContext Context { get; } =
        new(["soporte@nuevomundo.mx", "quejas@nuevomundo.mx"], "ventanilla.nuevomundo.mx");

    public static MimeMessage Parse(string text, string encoding = "utf-8")
    {
        var bytes = Encoding.GetEncoding(encoding).GetBytes(text.ReplaceLineEndings("\r\n"));
        return MimeMessage.Load(new MemoryStream(bytes));
    }

    /// <summary>A plain message from a subscriber, with extra headers placed before the standard ones.</summary>
    public static MimeMessage FromSubscriber(string extraHeaders = "", string body = "Sigo sin señal desde ayer.") => Parse($"""
        {extraHeaders}From: Ana López <ana.lopez@example.com>
        To: soporte@nuevomundo.mx
        Subject: Sin servicio
        Date: Thu, 26 Nov 2026 10:15:00 -0600
        Message-ID: <CAF1234@mail.example.com>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 8bit

        {body}
        """);

    public static MailVerdict Classify(MimeMessage message) => InboundMailClassifier.Standard.Classify(message, Context);
}
