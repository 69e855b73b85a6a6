using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Ventanilla.Messaging;
using Ventanilla.Staff;
using Ventanilla.Tickets;
using static Microsoft.Playwright.Assertions;

namespace Ventanilla.BrowserTests;

/// <summary>An agent takes a call: finds the caller while typing, writes the report and reads the folio out.</summary>
public partial class PhoneIntakeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task PhoneIntake_KnownCallerFoundByPhone_ShowsFolioAndQueuesReceipts()
    {
        var subscriberId = await browser.CreateSubscriberAsync("ZAC-20417", "Guadalupe Ramírez Soto", "492 154 8820", "lupita.ramirez@correo.mx");
        var earlier = await browser.CreateTicketAsync("Cobro doble en el recibo de marzo", kind: "clarification",
            name: "Guadalupe Ramírez Soto", email: "lupita.ramirez@correo.mx");
        var page = await browser.SignedInPageAsync(Roles.Agent);
        await page.GotoInteractiveAsync("/llamada");

        await page.GetByLabel("Teléfono, contrato o nombre").FillAsync("154 88");
        await page.Locator("#caller-results").GetByRole(AriaRole.Button, new() { Name = "Guadalupe Ramírez Soto" }).ClickAsync();

        var caller = page.Locator(".card", new() { Has = page.Locator("#caller-name") });
        await Expect(caller.GetByRole(AriaRole.Heading, new() { Name = "Folios abiertos y recientes" })).ToBeVisibleAsync();
        await Expect(caller.GetByRole(AriaRole.Link, new() { Name = earlier })).ToBeVisibleAsync();
        await Expect(page.Locator("#report-name")).ToHaveValueAsync("Guadalupe Ramírez Soto");
        await Expect(page.Locator("#report-account")).ToHaveValueAsync("ZAC-20417");
        await page.Locator("#report-kind").SelectOptionAsync("fault");
        await page.Locator("#report-description").FillAsync("Sin internet desde la mañana; el módem tiene la luz LOS en rojo.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrar reporte" }).ClickAsync();

        var folio = page.Locator("#folio");
        await Expect(folio).ToHaveTextAsync(FolioPattern());
        await Expect(folio).ToHaveClassAsync(new Regex(@"\bfolio-big\b"));
        var sizes = await folio.EvaluateAsync<double[]>(
            "e => [parseFloat(getComputedStyle(e).fontSize), parseFloat(getComputedStyle(document.body).fontSize)]");
        Assert.True(sizes[0] >= 1.5 * sizes[1], $"The folio is {sizes[0]} px, hardly larger than the text's {sizes[1]} px.");
        var receipts = page.Locator("#folio-title ~ ul li");
        // Both receipts are queued, but the screen promises only what a connected channel carries:
        // the test service has a mailbox and no WhatsApp account.
        await Expect(receipts).ToHaveTextAsync(["correo electrónico: lupita.ramirez@correo.mx"]);

        var number = await folio.TextContentAsync();
        var stored = await browser.WithDbAsync(db => db.Tickets.AsNoTracking().SingleAsync(t => t.Folio == number));
        Assert.Equal(ContactChannel.Phone, stored.Channel);
        Assert.Equal(TicketKind.Fault, stored.Kind);
        Assert.Equal(subscriberId, stored.SubscriberId);
        var outbox = await browser.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.TicketId == stored.Id).ToListAsync());
        Assert.Equal(2, outbox.Count);
        Assert.All(outbox, m => Assert.Equal((OutboxKind.Receipt, OutboxState.Pending), (m.Kind, m.State)));
        Assert.Equal([ContactChannel.Email, ContactChannel.Whatsapp], outbox.Select(m => m.Channel).Order());
    }

    [Fact]
    public async Task PhoneIntake_UnknownCaller_CreatesSubscriberWithTheFolio()
    {
        var page = await browser.SignedInPageAsync(Roles.Agent);
        await page.GotoInteractiveAsync("/llamada");
        await page.GetByLabel("Teléfono, contrato o nombre").FillAsync("4937771290");
        await Expect(page.Locator("#caller-results")).ToContainTextAsync("No hay suscriptores con esos datos");

        await page.Locator("#report-description").FillAsync("La señal de televisión se congela en todos los canales.");
        await page.Locator("#report-address").FillAsync("Callejón del Santero 12, Fresnillo");
        await page.Locator("#report-name").FillAsync("Jesús Alberto Medina");
        await page.Locator("#report-phone").FillAsync("493 777 1290");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrar reporte" }).ClickAsync();

        await Expect(page.Locator("#folio")).ToHaveTextAsync(FolioPattern());
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "se dio de alta" })).ToBeVisibleAsync();
        var number = await page.Locator("#folio").TextContentAsync();
        var stored = await browser.WithDbAsync(db => db.Tickets.AsNoTracking().Include(t => t.Subscriber).SingleAsync(t => t.Folio == number));
        Assert.NotNull(stored.Subscriber);
        Assert.Equal("Jesús Alberto Medina", stored.Subscriber.FullName);
        Assert.Equal(["+524937771290"], stored.Subscriber.Phones.Select(p => p.Number));
        Assert.Equal("Callejón del Santero 12, Fresnillo", Assert.Single(stored.Subscriber.Addresses).Street);
    }

    [GeneratedRegex(@"^NM-\d{4}-\d{6}$")]
    private static partial Regex FolioPattern();
}
