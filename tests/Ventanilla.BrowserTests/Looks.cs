using System.Runtime.CompilerServices;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Ventanilla.BrowserTests;

/// <summary>Screenshots kept as test artifacts, and the axe-core accessibility check, at desktop and phone sizes.</summary>
public static class Looks
{
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };
    public static readonly ViewportSize Phone = new() { Width = 360, Height = 780 };

    // WCAG 2.0, 2.1 and 2.2 at levels A and AA: what the product promises.
    private static readonly List<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots");

    /// <summary>Saves <c>artifacts/screenshots/{name}-desktop.png</c> and <c>-phone.png</c> of the current page.</summary>
    public static async Task SaveScreenshotsAsync(this IPage page, [CallerMemberName] string name = "")
    {
        foreach (var (size, label) in Sizes)
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
            await page.ScreenshotAsync(new() { Path = PathOf(name, label), FullPage = true });
        }

        await page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
    }

    /// <summary>Runs axe-core at both sizes and fails with every violation's rule and elements.</summary>
    public static async Task AssertAccessibleAsync(this IPage page)
    {
        var problems = new List<string>();
        foreach (var (size, label) in Sizes)
        {
            await page.SetViewportSizeAsync(size.Width, size.Height);
            var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = Tags } });
            problems.AddRange(result.Violations.Select(v =>
                $"[{label}] {v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}"));
            // Reflow (WCAG 1.4.10), which axe does not check: nothing may need sideways scrolling.
            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
            if (overflow > 0)
            {
                problems.Add($"[{label}] reflow: the page is {overflow} px wider than the {size.Width} px window");
            }
        }

        await page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
        Assert.True(problems.Count == 0, $"Accessibility violations on {page.Url}:\n" + string.Join('\n', problems));
    }

    private static (ViewportSize Size, string Label)[] Sizes => [(Desktop, "desktop"), (Phone, "phone")];

    private static string PathOf(string name, string label)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        return Path.Combine(ScreenshotFolder, $"{name}-{label}.png");
    }
}
