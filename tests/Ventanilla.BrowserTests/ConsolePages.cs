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
        // The form posts to /entrar, which answers with the page again or a redirect to where it was
        // going. Either way a new document replaces this one: the mark set here is gone once it has
        // loaded. Waiting on load-state events instead raced the redirect and sometimes waited forever.
        await page.EvaluateAsync("() => { window.ventanillaSigningIn = true; }");
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForFunctionAsync("() => !window.ventanillaSigningIn && document.readyState !== 'loading'");
    }

    public static ILocator Heading(this IPage page) => page.Locator("main h1");

    public static ILocator Alert(this IPage page) => page.GetByRole(AriaRole.Alert);

    /// <summary>The message that something went well (pages also use role=status for smaller things).</summary>
    public static ILocator Notice(this IPage page) => page.Locator("main p.notice[role=status]");

    /// <summary>The entries of a ticket page's history, oldest first.</summary>
    public static ILocator TimelineEntries(this IPage page) => page.Locator("section[aria-labelledby=historial] ol.timeline > li");

    public static ILocator SignOutButton(this IPage page) =>
        page.Locator("header").GetByRole(AriaRole.Button, new() { Name = "Salir" });

    /// <summary>
    /// Opens an interactive page and waits until it is live. Such a page is first rendered on the
    /// server; once its circuit connects, Blazor replaces that markup with the live one, so the
    /// removal of the first heading is the sign that clicks and typing now reach the page.
    /// </summary>
    public static async Task GotoInteractiveAsync(this IPage page, string url)
    {
        await page.AddInitScriptAsync("""
            window.ventanillaLive = false;
            new MutationObserver(changes => {
              if (changes.some(c => [...c.removedNodes].some(n => n.nodeName === 'H1'))) window.ventanillaLive = true;
            }).observe(document, { childList: true, subtree: true });
            """);
        await page.GotoAsync(url);
        await page.WaitForFunctionAsync("() => window.ventanillaLive === true");
    }
}
