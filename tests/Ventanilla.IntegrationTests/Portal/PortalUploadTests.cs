using System.Net;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Tickets;

namespace Ventanilla.IntegrationTests.Portal;

public class PortalUploadTests
{
    [Theory, BothDatabases]
    public async Task A_photo_sent_with_a_report_is_kept_on_its_ticket(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database);
        using var browser = PortalSteps.Browser(app);

        var response = await PortalSteps.PostWithFilesAsync(browser, "/portal/reportar", "reporte", PortalSteps.Report(),
            ("modem.png", "image/png", PortalSteps.Png));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        var folio = PortalSteps.FolioOn(await browser.GetPageAsync("/portal/constancia"));
        var ticket = await PortalSteps.TicketAsync(app, folio);
        var files = await app.WithDbAsync(db => db.Attachments.AsNoTracking().Where(a => a.TicketId == ticket.Id).ToListAsync());
        var file = Assert.Single(files);
        Assert.Equal(("modem.png", "image/png", (long)PortalSteps.Png.Length, null), (file.FileName, file.ContentType, file.Size, file.RejectionReason));
        Assert.NotNull(file.Sha256);
    }

    [Theory, BothDatabases]
    public async Task A_program_named_as_a_photo_is_refused_by_its_content_and_nothing_is_filed(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database);
        using var browser = PortalSteps.Browser(app);

        var response = await PortalSteps.PostWithFilesAsync(browser, "/portal/reportar", "reporte", PortalSteps.Report(),
            ("foto.jpg", "image/jpeg", PortalSteps.Executable));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("El contenido de «foto.jpg» no corresponde", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Tickets.CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task More_than_five_files_or_a_file_over_the_size_limit_are_refused(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database, new() { ["Attachments:MaxBytes"] = "60" });
        using var browser = PortalSteps.Browser(app);
        var six = Enumerable.Range(1, 6).Select(i => ($"f{i}.png", "image/png", PortalSteps.Png)).ToArray();
        var big = PortalSteps.Png.Concat(new byte[100]).ToArray();

        var tooMany = await PortalSteps.PostWithFilesAsync(browser, "/portal/reportar", "reporte", PortalSteps.Report(), six);
        var tooBig = await PortalSteps.PostWithFilesAsync(browser, "/portal/reportar", "reporte", PortalSteps.Report(), ("grande.png", "image/png", big));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (tooMany.StatusCode, tooBig.StatusCode));
        Assert.Contains("hasta 5 archivos", WebUtility.HtmlDecode(await tooMany.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("«grande.png» pesa más de", WebUtility.HtmlDecode(await tooBig.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Tickets.CountAsync()));
    }

    [Theory, BothDatabases]
    public async Task The_subscriber_can_add_a_file_to_an_opened_folio(DatabaseKind database)
    {
        await using var app = await PortalSteps.StartAsync(database);
        using var browser = PortalSteps.Browser(app);
        var folio = await PortalSteps.FileAsync(browser);

        var response = await PortalSteps.PostWithFilesAsync(browser, "/portal/mi-folio", "mensaje", new() { ["Message.Text"] = "Foto del módem" },
            ("luces.png", "image/png", PortalSteps.Png));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ticket = await PortalSteps.TicketAsync(app, folio);
        Assert.Contains(ticket.Timeline, e => e.Type == TimelineEntryType.AttachmentAdded && e.Body == "luces.png");
        Assert.Contains(ticket.Timeline, e => e.Type == TimelineEntryType.MessageIn && e.Body == "Foto del módem");
    }
}
