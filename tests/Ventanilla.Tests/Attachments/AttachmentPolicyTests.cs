using Microsoft.Extensions.Options;
using Ventanilla.Attachments;

namespace Ventanilla.Tests.Attachments;

public class AttachmentPolicyTests
{
    private static AttachmentPolicy Policy(long maxBytes = 1024 * 1024) =>
        new(new StaticMonitor(new AttachmentOptions { MaxBytes = maxBytes }));

    [Fact]
    public void A_photo_whose_content_matches_its_type_is_accepted()
    {
        Assert.Null(Policy().Check("modem.jpg", "image/jpeg", 2048, Files.Jpeg));
    }

    [Fact]
    public void A_file_declared_as_octet_stream_is_judged_by_its_name_and_content()
    {
        Assert.Null(Policy().Check("recibo.pdf", "application/octet-stream", 2048, Files.Pdf));
    }

    [Fact]
    public void An_executable_renamed_as_a_photo_is_refused_for_its_content()
    {
        var reason = Policy().Check("foto.jpg", "image/jpeg", 2048, Files.Exe);
        Assert.Equal("El contenido de «foto.jpg» no corresponde a su tipo (image/jpeg). Envía una foto o un PDF.", reason);
    }

    [Fact]
    public void A_double_extension_is_refused_even_with_an_accepted_declared_type()
    {
        var reason = Policy().Check("factura.pdf.exe", "application/pdf", 2048, Files.Pdf);
        Assert.StartsWith("No aceptamos archivos como «factura.pdf.exe»", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_over_the_limit_is_refused_with_the_limit_in_megabytes()
    {
        var reason = Policy(maxBytes: 1024 * 1024).Check("video.mp4", "video/mp4", 3 * 1024 * 1024, Files.Mp4);
        Assert.Equal("El archivo «video.mp4» pesa más de 1 MB, el máximo. Envía una versión más ligera.", reason);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.Equal("El archivo «nada.txt» está vacío.", Policy().Check("nada.txt", "text/plain", 0, []));
    }

    [Fact]
    public void An_archive_is_refused_even_though_office_documents_are_zip_inside()
    {
        Assert.NotNull(Policy().Check("fotos.zip", "application/zip", 2048, Files.Docx));
        Assert.Null(Policy().Check("carta.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 2048, Files.Docx));
    }

    private sealed class StaticMonitor(AttachmentOptions value) : IOptionsMonitor<AttachmentOptions>
    {
        public AttachmentOptions CurrentValue => value;
        public AttachmentOptions Get(string? name) => value;
        public IDisposable? OnChange(Action<AttachmentOptions, string?> listener) => null;
    }
}
