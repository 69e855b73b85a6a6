using Ventanilla.Attachments;

namespace Ventanilla.Tests.Attachments;

public class ContentSnifferTests
{
    public static TheoryData<string, byte[], string> Known => new()
    {
        { "pdf", Files.Pdf, "application/pdf" },
        { "png", Files.Png, "image/png" },
        { "jpeg", Files.Jpeg, "image/jpeg" },
        { "mp4", Files.Mp4, "iso-media" },
        { "ogg", Files.Ogg, "audio/ogg" },
        { "docx", Files.Docx, "zip" },
        { "utf-8 text", Files.Text, "text" },
        { "latin-1 text", Files.Latin1Text, "text" },
    };

    [Theory]
    [MemberData(nameof(Known))]
    public void Each_kind_we_accept_is_told_by_its_first_bytes(string kind, byte[] content, string family)
    {
        Assert.True(family == ContentSniffer.Family(content), kind);
    }

    [Fact]
    public void An_executable_is_not_taken_for_anything_we_accept()
    {
        Assert.Null(ContentSniffer.Family(Files.Exe));
    }

    [Fact]
    public void Text_cut_in_the_middle_of_an_accented_letter_is_still_text()
    {
        var bytes = "reparación"u8.ToArray();
        Assert.Equal("text", ContentSniffer.Family(bytes.AsSpan(0, bytes.Length - 4)));
    }
}
