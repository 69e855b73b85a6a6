using System.Text.RegularExpressions;
using Ventanilla.Staff;
using static Microsoft.Playwright.Assertions;

namespace Ventanilla.BrowserTests;

public class RoleRestrictionTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Admin_AsAgent_LandsOnNotAllowed()
    {
        var email = await browser.CreateStaffAsync(Roles.Agent);
        var page = await browser.NewPageAsync();
        await page.SignInAsync(email, BrowserFixture.StaffPassword);

        var response = await page.GotoAsync("/admin");

        Assert.True(response?.Status != 404, "/admin answers 404: the administration page does not exist.");
        await Expect(page).ToHaveURLAsync(new Regex("/sin-permiso"));
        await Expect(page.Heading()).ToHaveTextAsync("Sin permiso");
        await Expect(page.SignOutButton()).ToBeVisibleAsync();
    }
}
