using MimeKit;
using Ventanilla.Channels.Email;

namespace Ventanilla.Tests.Email;

/// <summary>How an email's files are told apart from its body; judging and storing them is the shared attachment store's.</summary>
public class AttachmentTests
{
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
    public void Every_attached_file_is_handed_over_decoded_with_its_name_and_declared_type()
    {
        var pdf = Bytes(700, 1);
        var zip = Bytes(30, 2);

        var content = MailContent.From(WithAttachments(("recibo noviembre.pdf", "application/pdf", pdf), ("fotos.zip", "application/zip", zip)));

        Assert.Equal("Les mando mis archivos.", content.Text);
        Assert.Equal(["recibo noviembre.pdf", "fotos.zip"], content.Files.Select(f => f.FileName));
        Assert.Equal(["application/pdf", "application/zip"], content.Files.Select(f => f.DeclaredType));
        using var opened = content.Files[0].Open();
        using var copy = new MemoryStream();
        opened.CopyTo(copy);
        Assert.Equal(pdf, copy.ToArray());
        Assert.All(content.Files, f => Assert.False(f.Inline));
    }

    [Fact]
    public void An_inline_image_in_related_html_is_handed_over_as_inline_with_its_content_id()
    {
        var builder = new BodyBuilder { HtmlBody = "<p>Así se ve el módem:</p><img src=\"cid:modem@example.com\">" };
        var image = builder.LinkedResources.Add("modem.png", Bytes(200, 7), new ContentType("image", "png"));
        image.ContentId = "modem@example.com";
        var message = new MimeMessage { Subject = "Foto", Body = builder.ToMessageBody() };

        var content = MailContent.From(message);

        var file = Assert.Single(content.Files);
        Assert.True(file.Inline);
        Assert.Equal("modem@example.com", file.ContentId);
        Assert.Equal(200, file.Open().Length);
        Assert.Equal("Así se ve el módem:", content.Text);
        Assert.Contains("cid:modem@example.com", content.SanitizedHtml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_a_name_gets_one_from_its_type()
    {
        var message = new MimeMessage
        {
            Subject = "Sin nombre",
            Body = new Multipart("mixed")
            {
                new TextPart("plain") { Text = "Va el recibo." },
                new MimePart("application", "pdf") { Content = new MimeContent(new MemoryStream(Bytes(10, 3))), ContentDisposition = new ContentDisposition(ContentDisposition.Attachment) },
            },
        };

        var file = Assert.Single(MailContent.From(message).Files);

        Assert.Equal("adjunto-1.pdf", file.FileName);
    }
}
