using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Tickets;

namespace Ventanilla.Channels.Portal;

/// <summary>What a subscriber can do on the folio their browser opened: read it, write, and close it.</summary>
public sealed class PortalDesk(VentanillaDbContext db, PortalSession session, PortalUploads uploads, Tickets.Closure.ClosureDesk closure, TimeProvider clock)
{
    public const int MessageLimit = 5000;

    /// <summary>The opened ticket, tracked so an action can change it; null when this browser opened none.</summary>
    public async Task<Ticket?> OpenedAsync(HttpContext http, CancellationToken ct)
    {
        if (session.Current(http) is not { } id)
        {
            return null;
        }

        return await db.Tickets.AsSplitQuery().Include(t => t.Subscriber).Include(t => t.Timeline)
            .FirstOrDefaultAsync(t => t.Id == id, ct);
    }

    /// <summary>
    /// What the subscriber may read of the history: the conversation and the notices we sent, in
    /// their portal words, never the staff's notes.
    /// </summary>
    public static IEnumerable<TimelineEntry> Conversation(Ticket ticket) =>
        ticket.Timeline.Where(e => e.Type is TimelineEntryType.Created or TimelineEntryType.MessageIn or TimelineEntryType.MessageOut
            || e.Type == TimelineEntryType.AttachmentAdded
            || (e.Type == TimelineEntryType.NotificationQueued && e.PortalText is not null)
            || (e.Type == TimelineEntryType.StatusChanged && e.Field == "status")).OrderBy(e => e.At).ThenBy(e => e.Id);

    public static Actor ActorFor(Ticket ticket) =>
        new("portal", ticket.Subscriber?.FullName ?? ticket.Contact.Name ?? "Suscriptor en el portal");

    /// <summary>A message, files, or both, from the subscriber.</summary>
    public async Task<string?> AddMessageAsync(Ticket ticket, string? text, IReadOnlyList<IFormFile> files, CancellationToken ct)
    {
        var body = Web.Text.Readable(Web.Text.Clean(text));
        if (body is null && files.Count == 0)
        {
            return "Escribe tu mensaje o adjunta un archivo.";
        }

        if (body?.Length > MessageLimit)
        {
            return $"Tu mensaje es muy largo: caben {MessageLimit} caracteres.";
        }

        if (await uploads.CheckAsync(files, ct) is { } refused)
        {
            return refused;
        }

        var actor = ActorFor(ticket);
        if (body is not null)
        {
            ticket.AddMessage(inbound: true, ContactChannel.Web, body, actor, Now);
        }

        await uploads.AttachAsync(db, ticket, files, actor, Now, ct);
        return await SaveAsync(ct);
    }

    /// <summary>The subscriber says the fix worked: the folio closes with their confirmation.</summary>
    public Task<string?> ConfirmAsync(Ticket ticket, CancellationToken ct) =>
        AnswerAsync(ticket, isFixed: true, "El suscriptor confirmó en el portal que quedó resuelto.", ct);

    /// <summary>The subscriber says it is not fixed: the folio reopens with their words as the reason.</summary>
    public Task<string?> ReopenAsync(Ticket ticket, string? words, CancellationToken ct)
    {
        var reason = Web.Text.Readable(Web.Text.Clean(words));
        if (reason is null)
        {
            return Task.FromResult<string?>("Cuéntanos qué sigue fallando.");
        }

        return reason.Length > 1000
            ? Task.FromResult<string?>("Tu explicación es muy larga: caben 1000 caracteres.")
            : AnswerAsync(ticket, isFixed: false, reason, ct);
    }

    public async Task<string?> RateAsync(Ticket ticket, int? score, string? comment, CancellationToken ct)
    {
        if (score is null)
        {
            return "Elige una calificación del 1 al 5.";
        }

        if (ticket.Rate(score.Value, Web.Text.Readable(comment), ActorFor(ticket), Now) is { } violation)
        {
            return violation.Message;
        }

        return await SaveAsync(ct);
    }

    // Through the closure desk, so the subscriber gets the same closed or reopened notice as on any channel.
    private async Task<string?> AnswerAsync(Ticket ticket, bool isFixed, string said, CancellationToken ct)
    {
        if (ticket.Status != TicketStatus.Notified)
        {
            return "Este folio ya no espera tu confirmación.";
        }

        if (await closure.AnswerAsync(ticket, isFixed, said, ActorFor(ticket), Now, ct) is { } violation)
        {
            return violation.Message;
        }

        return await SaveAsync(ct);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<string?> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Staff changed the folio meanwhile; nothing of theirs is overwritten.
            return "El folio cambió mientras lo veías. Revisa cómo está ahora y vuelve a intentarlo.";
        }
    }
}
