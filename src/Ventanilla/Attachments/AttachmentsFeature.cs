using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Staff;

namespace Ventanilla.Attachments;

public static class AttachmentsFeature
{
    public static WebApplicationBuilder AddAttachments(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), "Storage:Path no puede quedar vacío.")
            .ValidateOnStart();
        builder.Services.AddOptions<AttachmentOptions>().BindConfiguration(AttachmentOptions.Section)
            .Validate(o => o.MaxBytes > 0, "Attachments:MaxBytes debe ser mayor que cero.")
            .Validate(o => o.AllowedTypes.Length > 0, "Attachments:AllowedTypes necesita al menos un tipo.")
            .ValidateOnStart();
        builder.Services.AddSingleton<AttachmentStore>();
        builder.Services.AddSingleton<AttachmentPolicy>();
        builder.Services.AddSingleton<AttachmentIntake>();
        return builder;
    }

    /// <summary>Staff download a ticket's files here; subscribers' own copies go through their channel.</summary>
    public static IEndpointRouteBuilder MapAttachments(this IEndpointRouteBuilder app)
    {
        app.MapGet("/adjuntos/{id:long}", DownloadAsync).RequireAuthorization(Rights.ReadTickets).ExcludeFromDescription();
        return app;
    }

    // Only types a browser shows without running anything are shown inline; the rest download.
    private static readonly HashSet<string> Viewable = new(StringComparer.OrdinalIgnoreCase)
    {
        "image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf", "text/plain",
    };

    private static async Task<IResult> DownloadAsync(long id, VentanillaDbContext db, AttachmentStore store, HttpContext context)
    {
        var attachment = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, context.RequestAborted);
        if (attachment?.Sha256 is not { } sha || !store.Exists(sha))
        {
            return Results.NotFound();
        }

        // The subscriber chose the content: it must never run as part of our site.
        context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";
        var inline = Viewable.Contains(attachment.ContentType);
        var type = attachment.ContentType == "text/plain" ? "text/plain; charset=utf-8" : attachment.ContentType;
        return Results.Stream(store.OpenRead(sha), type, inline ? null : attachment.FileName, enableRangeProcessing: true);
    }
}
