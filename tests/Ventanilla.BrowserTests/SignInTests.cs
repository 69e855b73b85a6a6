using Microsoft.Playwright;
using Ventanilla.Staff;
using static Microsoft.Playwright.Assertions;

namespace Ventanilla.BrowserTests;

public class SignInTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task SignIn_RightPassword_LandsOnInboxSignedIn()
    {
        var email = await browser.CreateStaffAsync(Roles.Agent);
        var page = await browser.NewPageAsync();

        await page.SignInAsync(email, BrowserFixture.StaffPassword);

        await Expect(page).ToHaveURLAsync(browser.BaseUrl + "/");
        // The inbox has tests of its own; any console page shows whether the session is signed in.
        await page.GotoAsync("/sin-permiso");
        await Expect(page.SignOutButton()).ToBeVisibleAsync();
    }

    [Fact]
    public async Task SignIn_WrongPassword_StaysWithSpanishError()
    {
        var email = await browser.CreateStaffAsync(Roles.Agent);
        var page = await browser.NewPageAsync();

        await page.SignInAsync(email, "No-Es-La-Contraseña-1");

        await Expect(page.Alert()).ToHaveTextAsync("El correo o la contraseña no son correctos.");
        await Expect(page).ToHaveURLAsync(browser.BaseUrl + "/entrar");
        await Expect(page.SignOutButton()).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SignIn_RightPasswordAfterFiveWrongOnes_IsHeldBackOnThatConnection()
    {
        var email = await browser.CreateStaffAsync(Roles.Agent);
        var page = await browser.NewPageAsync();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await page.SignInAsync(email, $"Equivocada-{attempt}-xyz");
            await Expect(page.Alert()).ToBeVisibleAsync();
        }

        await page.SignInAsync(email, BrowserFixture.StaffPassword);

        // Wrong passwords hold back the connection they came from, not the account: no stranger locks anyone out.
        await Expect(page.Alert()).ToContainTextAsync("Demasiados intentos fallidos desde esta conexión.");
        await Expect(page).ToHaveURLAsync(browser.BaseUrl + "/entrar");
        await page.GotoAsync("/sin-permiso");
        await Expect(page.SignOutButton()).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task LanguageLink_English_ShowsSignInInEnglish()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/entrar");
        await Expect(page.Heading()).ToHaveTextAsync("Entrar");

        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();

        await Expect(page.Heading()).ToHaveTextAsync("Sign in");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("main button[type=submit]")).ToHaveTextAsync("Sign in");
    }
}
