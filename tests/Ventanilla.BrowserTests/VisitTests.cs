using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Ventanilla.Staff;
using Ventanilla.Visits;
using static Microsoft.Playwright.Assertions;

namespace Ventanilla.BrowserTests;

/// <summary>Home visits in the browser: the lead books one from the ticket, the technician works the day on a phone.</summary>
public class VisitTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string VisitDay = new Ventanilla.IntegrationTests.TestClock().Today.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Lead_schedules_a_visit_from_the_ticket_page_and_the_subscriber_is_told_the_window()
    {
        await browser.CreateStaffAsync(Roles.Technician, "Pedro Ruiz Méndez");
        var folio = await InProgressFaultAsync("El módem no enciende desde la tormenta");
        var lead = await browser.SignedInPageAsync(Roles.TechnicalLead, "Héctor Salazar Ríos");
        await lead.GotoAsync("/folios/" + folio);

        await lead.GetByLabel("Técnico", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Pedro Ruiz Méndez" });
        await lead.GetByLabel("Día", new() { Exact = true }).FillAsync(VisitDay);
        await lead.GetByLabel("Mañana, de 8:00 a 14:00").CheckAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Programar visita" }).ClickAsync();

        await Expect(lead.Notice()).ToHaveTextAsync("Visita programada; se avisó al suscriptor.");
        await Expect(lead.Locator(".ticket-head .badge")).ToHaveTextAsync("visita programada");
        await Expect(lead.Locator(".visits")).ToContainTextAsync("de 8:00 a 14:00");
        await Expect(lead.TimelineEntries().Filter(new() { HasText = "Aviso al suscriptor por correo electrónico" })).ToContainTextAsync("pendiente de envío");
        await lead.AssertAccessibleAsync();
        await lead.SaveScreenshotsAsync();

        await lead.GotoAsync($"/visitas?dia={VisitDay}");
        await Expect(lead.Locator("main")).ToContainTextAsync(folio);
        await lead.AssertAccessibleAsync();
        await lead.SaveScreenshotsAsync("Visits_day_of_each_technician");
    }

    [Fact]
    public async Task Technician_records_arrival_and_result_from_a_360_px_phone()
    {
        var email = await browser.CreateStaffAsync(Roles.Technician, "Mariana Torres Gil");
        var folio = await InProgressFaultAsync("Internet intermitente por las noches");
        using (var api = browser.Api())
        {
            await api.PostOkAsync($"/api/v1/tickets/{folio}/visits", new { technician = email, day = VisitDay, window = "exact", from = "10:00", to = "11:30" });
        }

        var phone = await browser.NewPageAsync();
        await phone.SetViewportSizeAsync(Looks.Phone.Width, Looks.Phone.Height);
        await phone.SignInAsync(email, BrowserFixture.StaffPassword);
        await phone.GotoAsync($"/mi-dia?dia={VisitDay}");
        await Expect(phone.Locator(".visit-card h2")).ToContainTextAsync("10:00–11:30");
        await phone.AssertAccessibleAsync();
        await phone.SetViewportSizeAsync(Looks.Phone.Width, Looks.Phone.Height);
        await phone.ScreenshotAsync(new() { Path = Path.Combine(Looks.ScreenshotFolder, "Technician_day-360px.png"), FullPage = true });

        await phone.GetByRole(AriaRole.Button, new() { Name = "Llegué al domicilio" }).ClickAsync();
        await Expect(phone.Notice()).ToHaveTextAsync("Llegada registrada.");
        await phone.GetByLabel("Resultado de la visita").FillAsync("Splitter dañado en la roseta; se reemplazó y se midió la señal.");
        await phone.GetByLabel("El servicio quedó restablecido").CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "Visita realizada" }).ClickAsync();

        await Expect(phone.Notice()).ToHaveTextAsync("Visita registrada como realizada.");
        await Expect(phone.Locator(".visit-card")).ToContainTextAsync("Splitter dañado");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(Looks.ScreenshotFolder, "Technician_day_done-360px.png"), FullPage = true });
        var visit = await browser.WithDbAsync(db => db.Visits.AsNoTracking().Join(db.Tickets, v => v.TicketId, t => t.Id, (v, t) => new { v, t.Folio })
            .Where(x => x.Folio == folio).Select(x => x.v).SingleAsync());
        Assert.Equal(VisitStatus.Done, visit.Status);
        Assert.NotNull(visit.ServiceRestoredAt);
    }

    private async Task<string> InProgressFaultAsync(string subject)
    {
        var folio = await browser.CreateTicketAsync(subject, phone: "492 100 2030");
        using var api = browser.Api();
        await api.PostOkAsync($"/api/v1/tickets/{folio}/status", new { status = "in_progress" });
        return folio;
    }
}
