using Microsoft.Playwright;
using Ventanilla.Staff;
using static Microsoft.Playwright.Assertions;

namespace Ventanilla.BrowserTests;

/// <summary>The inbox keeps up by itself, and its queues and address filter what it lists.</summary>
public class InboxTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Inbox_TicketFiledWhileOpen_AppearsWithoutReload()
    {
        var page = await browser.SignedInPageAsync(Roles.Agent);
        await page.GotoInteractiveAsync("/");
        // A reload would start a new document without this mark.
        await page.EvaluateAsync("() => window.sinRecargar = true");

        var folio = await browser.CreateTicketAsync("Llegó después de abrir la bandeja", channel: "web");

        // The list refreshes every 15 s; allow one whole period and some on a busy machine.
        await Expect(FolioLink(page, folio)).ToBeVisibleAsync(new() { Timeout = 25_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => window.sinRecargar === true"), "The page was reloaded.");
    }

    [Fact]
    public async Task Inbox_QueueTabs_ListOnlyTheirTickets()
    {
        var agent = await browser.CreateStaffAsync(Roles.Agent);
        using var api = browser.Api();
        var mine = await browser.CreateTicketAsync("Cola: asignado a mí");
        await api.PostOkAsync($"/api/v1/tickets/{mine}/assignment", new { customerServiceOwner = agent });
        var unassigned = await browser.CreateTicketAsync("Cola: nadie lo tiene");
        var closed = await browser.CreateTicketAsync("Cola: consulta ya cerrada", kind: "query");
        await api.PostOkAsync($"/api/v1/tickets/{closed}/status", new { status = "resolved", reason = "Se explicó el cobro." });
        await api.PostOkAsync($"/api/v1/tickets/{closed}/status", new { status = "closed" });
        var page = await browser.NewPageAsync();
        await page.SignInAsync(agent, BrowserFixture.StaffPassword);
        await page.GotoInteractiveAsync("/");
        var tabs = page.GetByRole(AriaRole.List, new() { Name = "Colas" });

        await Expect(tabs.Locator("[aria-current=page]")).ToHaveTextAsync("Abiertos");
        await Expect(FolioLink(page, mine)).ToBeVisibleAsync();
        await Expect(FolioLink(page, unassigned)).ToBeVisibleAsync();
        await Expect(FolioLink(page, closed)).ToHaveCountAsync(0);

        await tabs.GetByRole(AriaRole.Link, new() { Name = "Míos" }).ClickAsync();
        await Expect(tabs.Locator("[aria-current=page]")).ToHaveTextAsync("Míos");
        await Expect(FolioLink(page, mine)).ToBeVisibleAsync();
        await Expect(FolioLink(page, unassigned)).ToHaveCountAsync(0);

        await tabs.GetByRole(AriaRole.Link, new() { Name = "Sin asignar" }).ClickAsync();
        await Expect(FolioLink(page, unassigned)).ToBeVisibleAsync();
        await Expect(FolioLink(page, mine)).ToHaveCountAsync(0);
        await Expect(FolioLink(page, closed)).ToHaveCountAsync(0);

        await tabs.GetByRole(AriaRole.Link, new() { Name = "Todos" }).ClickAsync();
        await Expect(FolioLink(page, closed)).ToBeVisibleAsync();
        await Expect(FolioLink(page, mine)).ToBeVisibleAsync();
        await Expect(FolioLink(page, unassigned)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Inbox_SearchInAddress_ListsOnlyMatches()
    {
        var found = await browser.CreateTicketAsync("Antena desalineada por el granizo", kind: "fault");
        var other = await browser.CreateTicketAsync("Quiero cambiar mi plan a uno más rápido", kind: "query");
        var page = await browser.SignedInPageAsync(Roles.Agent);

        await page.GotoInteractiveAsync("/?vista=all&q=granizo");

        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Colas" }).Locator("[aria-current=page]")).ToHaveTextAsync("Todos");
        await Expect(page.GetByLabel("Buscar")).ToHaveValueAsync("granizo");
        await Expect(FolioLink(page, found)).ToBeVisibleAsync();
        await Expect(FolioLink(page, other)).ToHaveCountAsync(0);
        await Expect(page.Locator("main table tbody tr")).ToHaveCountAsync(1);

        await page.GotoInteractiveAsync("/?vista=all&tipo=query");

        await Expect(FolioLink(page, other)).ToBeVisibleAsync();
        await Expect(FolioLink(page, found)).ToHaveCountAsync(0);
        await Expect(page.GetByLabel("Tipo")).ToHaveValueAsync("query");
    }

    [Fact]
    public async Task Inbox_English_ShowsHeadingAndLabelsInEnglish()
    {
        var folio = await browser.CreateTicketAsync("Sin línea telefónica desde el lunes", kind: "fault", channel: "email");
        var page = await browser.SignedInPageAsync(Roles.Agent);
        await page.GotoAsync("/sin-permiso");
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        // Live, so that what the circuit renders is checked too, not only the first server render.
        await page.GotoInteractiveAsync("/?vista=all");

        await Expect(page.Heading()).ToHaveTextAsync("Inbox");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Queues" }).Locator("[aria-current=page]")).ToHaveTextAsync("All");
        var row = page.Locator("main table tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = folio, Exact = true }) });
        await Expect(row.Locator(".badge")).ToHaveTextAsync("registered");
        await Expect(row).ToContainTextAsync("fault");
        await Expect(row).ToContainTextAsync("email");
        await Expect(page.GetByLabel("Status").Locator("option[value=waiting_on_subscriber]")).ToHaveTextAsync("waiting on the subscriber");
    }

    private static ILocator FolioLink(IPage page, string folio) =>
        page.Locator("main table").GetByRole(AriaRole.Link, new() { Name = folio, Exact = true });
}
