using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Ventanilla.Staff;
using static Microsoft.Playwright.Assertions;

namespace Ventanilla.BrowserTests;

/// <summary>Each page passes axe-core's WCAG 2.2 AA rules at desktop and phone sizes, and leaves screenshots.</summary>
public class AccessibilityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task SignInPage_Axe_HasNoViolations()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/entrar");
        await Expect(page.Heading()).ToHaveTextAsync("Entrar");

        await page.SaveScreenshotsAsync();
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task SignInPageWithError_Axe_HasNoViolations()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("nadie@netmas.mx", "No-Es-La-Contraseña-1");
        await Expect(page.Alert()).ToBeVisibleAsync();

        await page.SaveScreenshotsAsync();
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task NotAllowedPage_SignedInAgent_HasNoViolations()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(await browser.CreateStaffAsync(Roles.Agent), BrowserFixture.StaffPassword);
        await page.GotoAsync("/sin-permiso");
        await Expect(page.Heading()).ToHaveTextAsync("Sin permiso");

        await page.SaveScreenshotsAsync();
        await page.AssertAccessibleAsync();
    }

    [Fact]
    public async Task TwoFactorCodePage_AfterPassword_HasNoViolations()
    {
        var email = await browser.CreateStaffAsync(Roles.Agent);
        await using (var scope = browser.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        var page = await browser.NewPageAsync();
        await page.SignInAsync(email, BrowserFixture.StaffPassword);
        await Expect(page.Heading()).ToHaveTextAsync("Código de verificación");

        await page.SaveScreenshotsAsync();
        await page.AssertAccessibleAsync();
    }
}
