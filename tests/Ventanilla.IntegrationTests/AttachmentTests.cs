using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Attachments;
using Ventanilla.Data;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests;

public class AttachmentTests
{
    private static readonly byte[] Photo = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    private static readonly byte[] Program = [0x4D, 0x5A, 0x90, 0, 0x03, 0, 0, 0, 0x04, 0, 0, 0];

    [Theory, BothDatabases]
    public async Task A_kept_file_is_listed_on_the_ticket_page_and_staff_download_it_unchanged(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var folio = await CreateFaultAsync(app);
        var id = await AttachAsync(app, folio, new IncomingFile("módem rojo.jpg", "image/jpeg", new MemoryStream(Photo)));
        using var staff = await ConsoleClient.SignInAsync(app);

        var page = await staff.GetPageAsync($"/folios/{folio}");
        var download = await staff.Http.GetAsync($"/adjuntos/{id}");

        Assert.Contains($"<a href=\"/adjuntos/{id}\">módem rojo.jpg</a>", page, StringComparison.Ordinal);
        Assert.Contains("Archivo recibido por WhatsApp", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/jpeg", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Photo, await download.Content.ReadAsByteArrayAsync());
    }

    [Theory, BothDatabases]
    public async Task A_refused_file_shows_its_reason_on_the_ticket_and_cannot_be_downloaded(DatabaseKind database)
    {
        await using var app = await VentanillaApp.StartAsync(database);
        var folio = await CreateFaultAsync(app);
        var id = await AttachAsync(app, folio, new IncomingFile("foto.jpg", "image/jpeg", new MemoryStream(Program)));
        using var staff = await ConsoleClient.SignInAsync(app);

        var page = await staff.GetPageAsync($"/folios/{folio}");
        var download = await staff.Http.GetAsync($"/adjuntos/{id}");

        Assert.Contains("El contenido de «foto.jpg» no corresponde a su tipo (image/jpeg). Envía una foto o un PDF.", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
    }

    [Fact]
    public async Task Nobody_signed_out_can_download_a_subscribers_file()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite);
        var folio = await CreateFaultAsync(app);
        var id = await AttachAsync(app, folio, new IncomingFile("recibo.txt", "text/plain", new MemoryStream(Encoding.UTF8.GetBytes("Pagué el día 3."))));
        using var anonymous = ConsoleClient.Anonymous(app);

        var response = await anonymous.Http.GetAsync($"/adjuntos/{id}");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Pagué", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_photo_on_two_tickets_is_stored_once()
    {
        await using var app = await VentanillaApp.StartAsync(DatabaseKind.Sqlite);
        await AttachAsync(app, await CreateFaultAsync(app), new IncomingFile("a.jpg", "image/jpeg", new MemoryStream(Photo)));
        await AttachAsync(app, await CreateFaultAsync(app), new IncomingFile("b.jpg", "image/jpeg", new MemoryStream(Photo)));

        var rows = await app.WithDbAsync(db => db.Attachments.CountAsync());
        var files = Directory.GetFiles(app.StoragePath, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(app.StoragePath, f).StartsWith("tmp", StringComparison.Ordinal));

        Assert.Equal(2, rows);
        Assert.Single(files);
    }

    private static async Task<long> AttachAsync(VentanillaApp app, string folio, IncomingFile file)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VentanillaDbContext>();
        var intake = scope.ServiceProvider.GetRequiredService<AttachmentIntake>();
        var ticket = await db.Tickets.SingleAsync(t => t.Folio == folio);
        var attachment = await intake.AcceptAsync(ticket, file, ContactChannel.Whatsapp, Actor.System, app.Now, CancellationToken.None);
        db.Attachments.Add(attachment);
        await db.SaveChangesAsync();
        return attachment.Id;
    }

    private static async Task<string> CreateFaultAsync(VentanillaApp app)
    {
        var (status, body, _) = await app.Api().PostAsync("/api/v1/tickets", Json.Fault());
        Assert.Equal(HttpStatusCode.Created, status);
        return body.Str("folio");
    }
}
