using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Ventanilla.BrowserTests;

/// <summary>
/// Every main page of the console, filled with the demo provider's data, passes axe-core's WCAG 2.2
/// AA rules and the reflow check at desktop and phone sizes, and leaves screenshots of both.
/// </summary>
public class ConsoleAccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Inbox_WithTickets_HasNoViolations()
    {
        var page = await AdminAsync();
        await page.GotoInteractiveAsync("/");
        await Expect(page.Locator("main table tbody tr").Nth(10)).ToBeVisibleAsync();

        await CheckAsync(page, "Bandeja");
    }

    [Fact]
    public async Task PhoneIntake_Empty_HasNoViolations()
    {
        var page = await AdminAsync();
        await page.GotoInteractiveAsync("/llamada");

        await CheckAsync(page, "Nueva llamada");
    }

    [Fact]
    public async Task PhoneIntake_WithFolio_HasNoViolations()
    {
        var page = await AdminAsync();
        var caller = await browser.WithDbAsync(db => db.Subscribers.AsNoTracking()
            .Where(s => s.AccountNumber != null && s.Phones.Count > 0 && s.Emails.Count > 0).OrderBy(s => s.Id).FirstAsync());
        await page.GotoInteractiveAsync("/llamada");
        await page.GetByLabel("Teléfono, contrato o nombre").FillAsync(caller.AccountNumber!);
        await page.Locator("#caller-results").GetByRole(AriaRole.Button, new() { Name = caller.FullName }).ClickAsync();
        await page.Locator("#report-description").FillAsync("Intermitencia en el internet por las noches; se desconecta cada media hora.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrar reporte" }).ClickAsync();
        await Expect(page.Locator("#folio")).ToBeVisibleAsync();

        await CheckAsync(page, "Nueva llamada");
    }

    [Fact]
    public async Task TicketPage_WithLongHistory_HasNoViolations()
    {
        var folio = await browser.WithDbAsync(db => db.Tickets.AsNoTracking()
            .Where(t => t.Status != Tickets.TicketStatus.Closed && t.Status != Tickets.TicketStatus.Cancelled)
            .OrderByDescending(t => t.Timeline.Count).ThenBy(t => t.Id).Select(t => t.Folio).FirstAsync());
        var page = await AdminAsync();
        await page.GotoAsync("/folios/" + folio);
        await Expect(page.TimelineEntries()).Not.ToHaveCountAsync(1);

        await CheckAsync(page, "Folio " + folio);
    }

    [Fact]
    public async Task SubscriberList_Demo_HasNoViolations()
    {
        var page = await AdminAsync();
        await page.GotoAsync("/suscriptores");

        await CheckAsync(page, "Suscriptores");
    }

    [Fact]
    public async Task SubscriberPage_WithTickets_HasNoViolations()
    {
        var subscriber = await browser.WithDbAsync(db => db.Subscribers.AsNoTracking()
            .Where(s => db.Tickets.Count(t => t.SubscriberId == s.Id) >= 2).OrderBy(s => s.Id).FirstAsync());
        var page = await AdminAsync();
        await page.GotoAsync($"/suscriptores/{subscriber.Id}");

        await CheckAsync(page, subscriber.FullName);
    }

    [Theory]
    [InlineData("/admin", "Administración")]
    [InlineData("/admin/usuarios", "Usuarios")]
    [InlineData("/admin/areas", "Áreas")]
    [InlineData("/admin/claves", "Claves de API")]
    [InlineData("/admin/proveedor", "Datos del proveedor")]
    [InlineData("/admin/correo", "Correo")]
    [InlineData("/admin/correo/nuevo", "Agregar buzón")]
    [InlineData("/admin/correo/marcados", "Mensajes marcados para revisión")]
    [InlineData("/admin/calendarios", "Calendarios")]
    [InlineData("/admin/calendarios?nuevo=turno", "Calendarios")]
    [InlineData("/admin/usuarios/nuevo", "Crear usuario")]
    [InlineData("/admin/plazos", "Plazos")]
    [InlineData("/admin/enrutamiento", "Enrutamiento")]
    [InlineData("/cuenta/seguridad", "Seguridad de tu cuenta")]
    public async Task AdminAndAccountPages_Demo_HaveNoViolations(string address, string heading)
    {
        var page = await AdminAsync();
        await page.GotoAsync(address);

        await CheckAsync(page, heading, "Page" + address.Replace('/', '-').Replace('?', '-').Replace('=', '-'));
    }

    [Fact]
    public async Task SupervisionPage_Demo_ShowsItsChartsWithTablesAndHasNoViolations()
    {
        var page = await AdminAsync();
        await page.GotoAsync("/supervision");

        // Every chart is an image with a name, and its figures are in a table beside it.
        await Expect(page.Locator("figure.chart svg[role=img]")).ToHaveCountAsync(4);
        await Expect(page.Locator("figure.chart table.chart-data tbody tr").First).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Visitas de hoy" })).ToBeVisibleAsync();
        await CheckAsync(page, "Supervisión");
    }

    [Fact]
    public async Task UnknownAddress_SignedIn_ShowsNotFoundWithoutViolations()
    {
        var page = await AdminAsync();
        var response = await page.GotoAsync("/esta-direccion-no-existe");

        Assert.Equal(404, response?.Status);
        await CheckAsync(page, "No encontramos esa página");
    }

    private async Task<IPage> AdminAsync()
    {
        await browser.SeedDemoDataAsync();
        return await browser.AdminPageAsync();
    }

    private static async Task CheckAsync(IPage page, string heading, [System.Runtime.CompilerServices.CallerMemberName] string name = "")
    {
        await Expect(page.Heading()).ToHaveTextAsync(heading);
        await page.SaveScreenshotsAsync(name);
        await page.AssertAccessibleAsync();
    }
}
