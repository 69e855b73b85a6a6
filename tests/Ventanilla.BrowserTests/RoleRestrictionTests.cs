using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ventanilla.Staff;
using static Microsoft.Playwright.Assertions;

namespace Ventanilla.BrowserTests;

/// <summary>Each role sees and reaches only what it may use.</summary>
public class RoleRestrictionTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] AdminPages = ["/admin", "/admin/usuarios", "/admin/usuarios/nuevo", "/admin/areas", "/admin/claves", "/admin/proveedor", "/admin/correo", "/admin/correo/marcados"];

    [Fact]
    public async Task AdminPages_AsAgent_LandOnNotAllowedWithoutAdminLink()
    {
        var page = await browser.SignedInPageAsync(Roles.Agent);
        await Expect(Navigation(page).GetByRole(AriaRole.Link, new() { Name = "Bandeja" })).ToBeVisibleAsync();
        await Expect(Navigation(page).GetByRole(AriaRole.Link, new() { Name = "Administración" })).ToHaveCountAsync(0);

        foreach (var address in AdminPages)
        {
            var response = await page.GotoAsync(address);

            Assert.True(response?.Status != 404, $"{address} answers 404: the page does not exist.");
            await Expect(page).ToHaveURLAsync(new Regex("/sin-permiso"));
            await Expect(page.Heading()).ToHaveTextAsync("Sin permiso");
            await Expect(page.SignOutButton()).ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task AdminPages_AsAdmin_OpenFromTheAdminLink()
    {
        var page = await browser.AdminPageAsync();

        await Navigation(page).GetByRole(AriaRole.Link, new() { Name = "Administración" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(browser.BaseUrl + "/admin");
        await Expect(page.Heading()).ToHaveTextAsync("Administración");
    }

    [Fact]
    public async Task TicketPage_AsTechnician_OpensWithoutAssignmentForm()
    {
        var folio = await browser.CreateTicketAsync("Poste caído frente al domicilio");
        var technician = await browser.SignedInPageAsync(Roles.Technician);

        await technician.GotoAsync("/folios/" + folio);

        await Expect(technician.Heading()).ToContainTextAsync(folio);
        await Expect(technician.GetByRole(AriaRole.Heading, new() { Name = "Resolución técnica" })).ToBeVisibleAsync();
        await Expect(technician.GetByRole(AriaRole.Heading, new() { Name = "Asignación" })).ToHaveCountAsync(0);
        await Expect(technician.Locator("form:has(#asignacion-area)")).ToHaveCountAsync(0);

        // The same page shows the form to a role that may assign, so its absence above means something.
        var lead = await browser.SignedInPageAsync(Roles.TechnicalLead);
        await lead.GotoAsync("/folios/" + folio);
        await Expect(lead.GetByRole(AriaRole.Heading, new() { Name = "Asignación" })).ToBeVisibleAsync();
        await Expect(lead.GetByLabel("Responsable técnico")).ToBeVisibleAsync();
    }

    private static ILocator Navigation(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Principal" });
}
