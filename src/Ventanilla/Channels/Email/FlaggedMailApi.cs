using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Staff;

namespace Ventanilla.Channels.Email;

/// <summary>The raw bytes of a stored email, for an administrator to open in a mail program.</summary>
internal static class FlaggedMailApi
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/admin/correo/mensajes/{id:long}/original", DownloadAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .ExcludeFromDescription();

    private static async Task<IResult> DownloadAsync(long id, VentanillaDbContext db, CancellationToken ct)
    {
        var raw = await db.Inbox.Where(m => m.Id == id && m.Channel == Tickets.ContactChannel.Email).Select(m => m.Raw).FirstOrDefaultAsync(ct);
        // message/rfc822 as an attachment: the browser saves it instead of rendering what the sender wrote.
        return raw is null
            ? Results.NotFound()
            : Results.File(raw, "message/rfc822", string.Create(CultureInfo.InvariantCulture, $"correo-{id}.eml"));
    }
}
