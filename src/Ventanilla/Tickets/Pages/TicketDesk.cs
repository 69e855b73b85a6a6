using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Staff;

namespace Ventanilla.Tickets.Pages;

/// <summary>
/// One folio open on the ticket page for one request: the ticket, what the person may do with it,
/// and the one way every form saves a change, so the version check and the rights check cannot be
/// forgotten by a form.
/// </summary>
public sealed class TicketDesk(VentanillaDbContext db, IAuthorizationService authorization, TimeProvider clock, ClaimsPrincipal user,
    Messaging.Outbox.ChannelStatus channels)
{
    public const string StaleMessage = "Alguien más modificó este folio mientras lo veías. Revisa los cambios y vuelve a intentarlo.";

    public Ticket Ticket { get; private set; } = null!;
    public Actor Actor { get; private set; } = Actor.System;
    public IReadOnlyList<Staff.Area> Areas { get; private set; } = [];

    /// <summary>Staff names by id, for the owners and for assignments on the timeline.</summary>
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    /// <summary>Who may take the follow-up and the technical work; loaded only for those who may assign.</summary>
    public IReadOnlyList<StaffMember> Owners { get; private set; } = [];
    public IReadOnlyList<StaffMember> Leads { get; private set; } = [];

    /// <summary>Files sent about the ticket, kept or refused, oldest first.</summary>
    public IReadOnlyList<Attachments.TicketAttachment> Files { get; private set; } = [];

    /// <summary>The WhatsApp user id of a sender who shares no phone number, to answer them there.</summary>
    public string? WhatsAppUser { get; private set; }

    public bool CanWork { get; private set; }
    public bool CanAssign { get; private set; }
    public bool CanResolve { get; private set; }

    /// <summary>The follow-up around the ticket: its visits, the cause catalogue, its notices' delivery.</summary>
    public TicketFollowUp FollowUp { get; private set; } = null!;

    /// <summary>Every message the ticket sent or meant to send, and whether its channel can carry it now.</summary>
    public Messaging.Outbox.TicketDeliveries Deliveries { get; private set; } = Messaging.Outbox.TicketDeliveries.None;

    /// <summary>Raised when the ticket was read again after someone else's change.</summary>
    public event Action? Reloaded;

    public VentanillaDbContext Db => db;

    /// <summary>The signed-in person, for rules that look beyond the role (the area that owns the folio).</summary>
    public ClaimsPrincipal User => user;

    public string Url => "/folios/" + Uri.EscapeDataString(Ticket.Folio);

    public string DoneUrl(string done) => Url + "?hecho=" + Uri.EscapeDataString(done);

    /// <summary>Opens the folio, or answers false when there is no such folio.</summary>
    public async Task<bool> OpenAsync(string folio, CancellationToken ct = default)
    {
        if (await LoadAsync(folio, ct) is not { } ticket)
        {
            return false;
        }

        Ticket = ticket;
        CanWork = await May(Rights.WorkTickets);
        CanAssign = await May(Rights.AssignTickets);
        CanResolve = await May(Rights.ResolveTickets);
        Areas = await db.Areas.AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct);
        if (ticket.Channel == ContactChannel.Whatsapp && ticket.Contact.Phone is null)
        {
            WhatsAppUser = await Replies.WhatsAppUserAsync(db, ticket.Id, ct);
        }

        Files = await db.Attachments.AsNoTracking().Where(a => a.TicketId == ticket.Id).OrderBy(a => a.Id).ToListAsync(ct);
        if (CanAssign)
        {
            Owners = await TicketStaff.CandidatesAsync(db, TicketStaff.OwnerRoles, ct);
            Leads = await TicketStaff.CandidatesAsync(db, TicketStaff.LeadRoles, ct);
        }

        var signedIn = Actors.From(user);
        Names = await TicketStaff.NamesAsync(db, PeopleOnTicket().Append(signedIn.Id), ct);
        // The timeline names people as their colleagues know them, not by their sign-in email.
        Actor = signedIn with { Name = Names.GetValueOrDefault(signedIn.Id, signedIn.Name) };
        FollowUp = await Ventanilla.Tickets.Pages.TicketFollowUp.LoadAsync(db, ticket, user, authorization, ct);
        Deliveries = await Messaging.Outbox.TicketDeliveries.LoadAsync(db, ticket.Id, await channels.ReachAsync(db, ct), ct);
        return true;
    }

    /// <summary>
    /// Applies <paramref name="change"/> and saves it, unless the person lacks <paramref name="right"/>,
    /// saw an older version than <paramref name="seenVersion"/>, or the change refuses. Answers why not, or null when saved.
    /// </summary>
    public Task<string?> SaveAsync(string right, int seenVersion, Func<Ticket, Actor, DateTime, string?> change,
        CancellationToken ct = default) =>
        SaveChangeAsync(right, seenVersion, (ticket, actor, now) => Task.FromResult(change(ticket, actor, now)), ct);

    /// <summary>The same, for a change that reads more data (a template, a subscriber) while it is made.</summary>
    public async Task<string?> SaveChangeAsync(string right, int seenVersion, Func<Ticket, Actor, DateTime, Task<string?>> change,
        CancellationToken ct = default)
    {
        // The page hides what a role may not do; a forged post is refused here as well.
        if (!await May(right))
        {
            return "Tu rol no permite esta acción.";
        }

        if (seenVersion != Ticket.Version)
        {
            return StaleMessage;
        }

        if (await change(Ticket, Actor, clock.GetUtcNow().UtcDateTime) is { } refusal)
        {
            return refusal;
        }

        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            // What is in memory holds a change that was not saved: show what is really stored.
            db.ChangeTracker.Clear();
            Ticket = await LoadAsync(Ticket.Folio, ct) ?? Ticket;
            Names = await TicketStaff.NamesAsync(db, PeopleOnTicket().Append(Actor.Id), ct);
            Reloaded?.Invoke();
            return StaleMessage;
        }
    }

    /// <summary>Every message of <paramref name="errors"/>, each named by its field's label when the form gives one.</summary>
    public static IReadOnlyList<Refusal> Messages(Web.FieldErrors errors, params (string Field, string Label)[] labels) =>
        errors.ToDictionary()
            .SelectMany(e => e.Value.Select(m => new Refusal(m, labels.FirstOrDefault(l => l.Field == e.Key).Label)))
            .ToList();

    private async Task<bool> May(string right) => (await authorization.AuthorizeAsync(user, right)).Succeeded;

    private IEnumerable<string> PeopleOnTicket()
    {
        var assigned = Ticket.Timeline.Where(e => e.Field is "customerServiceOwner" or "technicalLead").SelectMany(e => new[] { e.From, e.To });
        return new[] { Ticket.CustomerServiceOwnerId, Ticket.TechnicalLeadId }.Concat(assigned).OfType<string>();
    }

    private async Task<Ticket?> LoadAsync(string folio, CancellationToken ct)
    {
        if (!Folio.TryParse(folio, out var parsed))
        {
            return null;
        }

        var text = parsed.Value.ToString();
        return await db.Tickets.AsSplitQuery()
            .Include(t => t.Area).Include(t => t.Subscriber).Include(t => t.Timeline)
            .FirstOrDefaultAsync(t => t.Folio == text, ct);
    }
}

/// <summary>Why a form's action was not done, in Spanish; the label names the field it is about.</summary>
public sealed record Refusal(string Message, string? Label = null);
