using Microsoft.Playwright;

namespace Ventanilla.BrowserTests;

/// <summary>What a person does in the console, in the browser.</summary>
public static class ConsolePages
{
    /// <summary>Fills the sign-in form and submits it, as a person would.</summary>
    public static async Task SignInAsync(this IPage page, string email, string password)
    {
        await page.GotoAsync("/entrar");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        // The form posts to /entrar, which answers with the page again or a redirect to where it was going.
        await page.RunAndWaitForResponseAsync(() => page.ClickAsync("main button[type=submit]"),
            r => r.Request.Method == "POST" && new Uri(r.Url).AbsolutePath == "/entrar");
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public static ILocator Heading(this IPage page) => page.Locator("main h1");

    public static ILocator Alert(this IPage page) => page.GetByRole(AriaRole.Alert);

    public static ILocator SignOutButton(this IPage page) =>
        page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Salir" });
}
