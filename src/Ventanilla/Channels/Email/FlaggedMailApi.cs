using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Staff;

namespace Ventanilla.Channels.Email;

/// <summary>The raw bytes of a stored inbound message (an email, or a WhatsApp webhook post), for an administrator.</summary>
internal static class FlaggedMailApi
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/admin/correo/mensajes/{id:long}/original", DownloadAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.Admin))
            .ExcludeFromDescription();

    private static async Task<IResult> DownloadAsync(long id, VentanillaDbContext db, CancellationToken ct)
    {
        var stored = await db.Inbox.Where(m => m.Id == id).Select(m => new { m.Raw, m.Channel }).FirstOrDefaultAsync(ct);
        // Always as an attachment: the browser saves it instead of rendering what the sender wrote.
        return stored switch
        {
            null => Results.NotFound(),
            { Channel: Tickets.ContactChannel.Email } => Results.File(stored.Raw, "message/rfc822", string.Create(CultureInfo.InvariantCulture, $"correo-{id}.eml")),
            _ => Results.File(stored.Raw, "application/json", string.Create(CultureInfo.InvariantCulture, $"whatsapp-{id}.json")),
        };
    }
}
