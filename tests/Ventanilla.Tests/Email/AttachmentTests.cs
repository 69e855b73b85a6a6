using System.Security.Cryptography;
using MimeKit;
using Ventanilla.Channels.Email;

namespace Ventanilla.Tests.Email;

public class AttachmentTests
{
    private static readonly EmailContentOptions SmallLimit = new() { MaxAttachmentBytes = 1024 };

    private static byte[] Bytes(int length, byte seed) => [.. Enumerable.Range(0, length).Select(i => (byte)(i * 31 + seed))];

    private static MimeMessage WithAttachments(params (string Name, string Type, byte[] Content)[] files)
    {
        var builder = new BodyBuilder { TextBody = "Les mando mis archivos." };
        foreach (var (name, type, content) in files)
        {
            builder.Attachments.Add(name, content, ContentType.Parse(type));
        }

        var message = new MimeMessage { Subject = "Archivos", Body = builder.ToMessageBody() };
        message.From.Add(new MailboxAddress("Ana", "ana@example.com"));
        return message;
    }

    [Fact]
    public void From_AllowedSmallFile_IsAcceptedWithSizeAndHash()
    {
        var pdf = Bytes(700, 1);

        var content = MailContent.From(WithAttachments(("recibo noviembre.pdf", "application/pdf", pdf)), SmallLimit);

        var file = Assert.Single(content.Attachments);
        Assert.Equal("recibo noviembre.pdf", file.FileName);
        Assert.Equal("application/pdf", file.ContentType);
        Assert.Equal(700, file.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), file.Sha256);
        Assert.False(file.Inline);
        Assert.Empty(content.Rejected);
        Assert.Equal("Les mando mis archivos.", content.Text);
    }

    [Fact]
    public void From_TooBigAndWrongType_AreRejectedWithSpanishReasons()
    {
        var message = WithAttachments(
            ("foto.jpg", "image/jpeg", Bytes(3000, 2)),
            ("fotos.zip", "application/zip", Bytes(100, 3)),
            ("factura.pdf.exe", "application/pdf", Bytes(100, 4)),
            ("recibo.pdf", "application/pdf", Bytes(100, 5)));

        var content = MailContent.From(message, SmallLimit);

        Assert.Equal("recibo.pdf", Assert.Single(content.Attachments).FileName);
        Assert.Equal(["foto.jpg", "fotos.zip", "factura.pdf.exe"], content.Rejected.Select(file => file.FileName));
        Assert.Contains("límite", content.Rejected[0].RejectionReason, StringComparison.Ordinal);
        Assert.Equal(3000, content.Rejected[0].Size);
        Assert.StartsWith("No aceptamos archivos de tipo application/zip (.zip).", content.Rejected[1].RejectionReason, StringComparison.Ordinal);
        Assert.Contains("(.exe)", content.Rejected[2].RejectionReason, StringComparison.Ordinal);
        Assert.All(content.Rejected, file => Assert.False(string.IsNullOrEmpty(file.Sha256)));
    }

    [Fact]
    public void From_DefaultLimit_RejectsOverTenMebibytesAndSaysSo()
    {
        var content = MailContent.From(WithAttachments(("video.png", "image/png", new byte[(10 * 1024 * 1024) + 1])));

        var file = Assert.Single(content.Rejected);
        Assert.Equal("El archivo pesa 10 MB y el límite es 10 MB por archivo.", file.RejectionReason);
    }

    [Fact]
    public void From_OctetStreamWithKnownExtension_IsJudgedByTheExtension()
    {
        var content = MailContent.From(WithAttachments(("IMG_2041.HEIC", "application/octet-stream", Bytes(50, 6))));

        Assert.Equal("image/heic", Assert.Single(content.Attachments).ContentType);
    }

    [Fact]
    public void From_InlineImageInRelatedHtml_IsListedAsInlineWithItsContentId()
    {
        var builder = new BodyBuilder { HtmlBody = "<p>Así se ve el módem:</p><img src=\"cid:modem@example.com\">" };
        var image = builder.LinkedResources.Add("modem.png", Bytes(200, 7), new ContentType("image", "png"));
        image.ContentId = "modem@example.com";
        var message = new MimeMessage { Subject = "Foto", Body = builder.ToMessageBody() };

        var content = MailContent.From(message);

        var file = Assert.Single(content.Attachments);
        Assert.True(file.Inline);
        Assert.Equal("modem@example.com", file.ContentId);
        Assert.Equal(200, file.Size);
        Assert.Equal("Así se ve el módem:", content.Text);
        Assert.Contains("cid:modem@example.com", content.SanitizedHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void From_AttachmentWithPathInItsName_KeepsOnlyTheFileName()
    {
        var content = MailContent.From(WithAttachments(("..\\..\\Windows\\recibo.pdf", "application/pdf", Bytes(10, 8))));

        Assert.Equal("recibo.pdf", Assert.Single(content.Attachments).FileName);
    }
}
