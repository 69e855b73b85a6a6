using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Staff;
using Ventanilla.Tickets;

namespace Ventanilla.Network.Outages.Pages;

/// <summary>
/// The one way the console's forms change an outage: the right is checked again (a forged post is
/// refused like a hidden button), the version the person saw must still be the stored one, the
/// entity's rule decides, and a change made meanwhile by someone else is reported, not overwritten.
/// </summary>
public sealed class OutageConsole(VentanillaDbContext db, IAuthorizationService authorization, TimeProvider clock)
{
    public const string Forbidden = "Tu rol no permite esta acción.";

    public VentanillaDbContext Db => db;

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<bool> MayAsync(ClaimsPrincipal user, string right) => (await authorization.AuthorizeAsync(user, right)).Succeeded;

    /// <summary>Applies the change; answers why not (in Spanish), or null when saved.</summary>
    public async Task<string?> SaveAsync(ClaimsPrincipal user, long id, int seenVersion,
        Func<Outage, Actor, DateTime, Task<OutageRefusal?>> change, CancellationToken ct = default)
    {
        if (!await MayAsync(user, Rights.ManageOutages))
        {
            return Forbidden;
        }

        if (await OutageQueries.LoadAsync(db, id, ct) is not { } outage)
        {
            return "Esa falla ya no existe.";
        }

        if (outage.Version != seenVersion)
        {
            return OutageDesk.StaleMessage;
        }

        var actor = await ActorAsync(user, ct);
        if (await change(outage, actor, Now) is { } refusal)
        {
            db.ChangeTracker.Clear();
            return refusal.Message;
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return OutageDesk.StaleMessage;
        }
    }

    public Task<string?> SaveAsync(ClaimsPrincipal user, long id, int seenVersion, Func<Outage, Actor, DateTime, OutageRefusal?> change,
        CancellationToken ct = default) =>
        SaveAsync(user, id, seenVersion, (o, a, now) => Task.FromResult(change(o, a, now)), ct);

    /// <summary>The signed-in person as colleagues know them, not by their sign-in email.</summary>
    public async Task<Actor> ActorAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var signedIn = Actors.From(user);
        var names = await TicketStaff.NamesAsync(db, [signedIn.Id], ct);
        return signedIn with { Name = names.GetValueOrDefault(signedIn.Id, signedIn.Name) };
    }
}
