using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Ventanilla.Staff;
using Ventanilla.Web.Components;

namespace Ventanilla.Web;

/// <summary>The staff console: server-rendered pages in Spanish (English on request).</summary>
public static class ConsoleFeature
{
    public static readonly CultureInfo[] Cultures = [new("es-MX"), new("en")];

    public static IHostApplicationBuilder AddConsole(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("es-MX");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Only the person's own choice counts, not the browser's language: the console is Spanish first.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return builder;
    }

    public static WebApplication UseConsole(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.UseConsoleSecurityHeaders();
        return app;
    }

    public static WebApplication MapConsole(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets();
        // Blazor's own header would only say frame-ancestors 'self'; the console's full policy says 'none' (SecurityHeaders).
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        app.MapGet("/idioma", ChangeLanguage).ExcludeFromDescription();
        app.MapPost("/salir", SignOut).ExcludeFromDescription();
        return app;
    }

    private static IResult ChangeLanguage(HttpContext http, string? cultura, string? volver)
    {
        var culture = Cultures.FirstOrDefault(c => c.Name == cultura) ?? Cultures[0];
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        return Results.LocalRedirect(LocalUrl.OrHome(volver));
    }

    private static async Task<IResult> SignOut(HttpContext http, IAntiforgery antiforgery, SignInManager<StaffUser> signIn)
    {
        // Only the header's own form signs out: another site's page cannot post here and end a shift's session.
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest();
        }

        await signIn.SignOutAsync();
        return Results.LocalRedirect("/entrar");
    }
}
