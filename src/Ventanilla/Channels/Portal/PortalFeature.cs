using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Ventanilla.Attachments;

namespace Ventanilla.Channels.Portal;

/// <summary>
/// The subscribers' portal under <c>/portal</c>: public, Spanish, without an account. Its pages are
/// Razor components found by the console's router; this adds what they share.
/// </summary>
public static class PortalFeature
{
    public const string Path = "/portal";

    /// <summary>The rate-limit policy every portal page that takes a form carries.</summary>
    public const string FormsPolicy = "portal-forms";

    public static IHostApplicationBuilder AddPortal(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PortalOptions>()
            .BindConfiguration(PortalOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => Validator.TryValidateObject(o.RateLimits, new ValidationContext(o.RateLimits), null, validateAllProperties: true),
                "Portal:RateLimits: PerIpPermits, PerFolioPermits, WindowSeconds, PerFolioFailures, PerProofFailures and FailureWindowSeconds must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<PortalSession>();
        builder.Services.AddSingleton<FolioLimiter>();
        builder.Services.AddScoped<FolioProof>();
        builder.Services.AddScoped<ProofThrottle>();
        builder.Services.AddScoped<AccessCodeSender>();
        builder.Services.AddSingleton<ExpiredCodeSweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ExpiredCodeSweeper>());
        builder.Services.AddScoped<PortalDesk>();
        builder.Services.AddScoped<PortalIntake>();
        builder.Services.AddScoped<PortalUploads>();
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, ct) => TooManyRequests.WriteAsync(context.HttpContext, ct);
            o.AddPolicy(FormsPolicy, PerAddress);
        });
        return builder;
    }

    public static WebApplication MapPortal(this WebApplication app)
    {
        app.UseWhen(http => http.Request.Path.StartsWithSegments(Path), portal => portal.Use(SecurityHeaders));
        app.UseRateLimiter();
        return app;
    }

    // Reading a page costs little and reveals nothing without proof; what is limited is every form sent.
    private static RateLimitPartition<string> PerAddress(HttpContext http)
    {
        if (!HttpMethods.IsPost(http.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("read");
        }

        var limits = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<PortalOptions>>().Value.RateLimits;
        var address = http.Connection.RemoteIpAddress ?? IPAddress.None;
        return RateLimitPartition.GetFixedWindowLimiter(address.ToString(), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.PerIpPermits,
            Window = TimeSpan.FromSeconds(limits.WindowSeconds),
            QueueLimit = 0,
        });
    }

    private static Task SecurityHeaders(HttpContext http, Func<Task> next)
    {
        // Five files at the attachment limit, and the form around them, must fit in one post.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } body)
        {
            var maxBytes = http.RequestServices.GetRequiredService<AttachmentPolicy>().MaxBytes;
            body.MaxRequestBodySize = (PortalUploads.MaxFiles * maxBytes) + (1024 * 1024);
        }

        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            // The portal's pages are plain HTML forms; the only script is its own print button.
            headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
                + "frame-ancestors 'none'; base-uri 'self'";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // What a subscriber sees of their folio must not stay in shared caches or the back button of a shared phone.
            headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next();
    }
}
