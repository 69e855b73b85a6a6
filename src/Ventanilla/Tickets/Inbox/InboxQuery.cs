using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;
using Ventanilla.Deadlines.Rules;

namespace Ventanilla.Tickets.Inbox;

/// <summary>The queues staff work from.</summary>
public enum InboxView { Open, Mine, Unassigned, MyArea, DueSoon, Overdue, All, ToNotify }

/// <summary>What the inbox shows: a queue, optional filters and a search.</summary>
public sealed record InboxFilter(
    InboxView View,
    string UserId,
    int? UserAreaId,
    TicketStatus? Status = null,
    ContactChannel? Channel = null,
    TicketKind? Kind = null,
    string? Search = null);

/// <summary>Where a page of the inbox ends, to ask for the next one.</summary>
public sealed record InboxCursor(DateTime LastActivityAt, long Id);

public sealed record InboxRow(
    string Folio, TicketKind Kind, ContactChannel Channel, TicketStatus Status, TicketPriority Priority,
    string Subject, string? Name, string? Area, DateTime LastActivityAt, long Id, DateTime? DueAt = null, DateTime? AtRiskAt = null);

public static class InboxQuery
{
    /// <summary>
    /// One page, newest activity first. Pages continue from a cursor instead of skipping rows, so
    /// the thousandth page costs what the first does.
    /// </summary>
    public static async Task<(IReadOnlyList<InboxRow> Rows, InboxCursor? Next)> PageAsync(
        VentanillaDbContext db, InboxFilter filter, DateTime now, InboxCursor? after, int size, CancellationToken ct)
    {
        var tickets = string.IsNullOrWhiteSpace(filter.Search) ? db.Tickets : await TicketSearch.MatchingAsync(db, filter.Search.Trim(), ct);
        tickets = filter.View switch
        {
            InboxView.Open => tickets.StillOpen(),
            InboxView.Mine => tickets.Where(t => t.CustomerServiceOwnerId == filter.UserId || t.TechnicalLeadId == filter.UserId),
            InboxView.Unassigned => tickets.StillOpen().Where(t => t.CustomerServiceOwnerId == null && t.TechnicalLeadId == null),
            InboxView.MyArea => tickets.Where(t => t.AreaId != null && t.AreaId == filter.UserAreaId),
            // The resolution clock runs until the ticket is resolved; later statuses are not late.
            InboxView.DueSoon => tickets.DueSoon(now),
            InboxView.Overdue => tickets.Overdue(now),
            // Resolved is where Customer Service takes over: the subscriber is owed the notice.
            InboxView.ToNotify => tickets.Where(t => t.Status == TicketStatus.Resolved),
            _ => tickets,
        };
        if (filter.Status is { } status)
        {
            tickets = tickets.Where(t => t.Status == status);
        }

        if (filter.Channel is { } channel)
        {
            tickets = tickets.Where(t => t.Channel == channel);
        }

        if (filter.Kind is { } kind)
        {
            tickets = tickets.Where(t => t.Kind == kind);
        }

        if (after is { } cursor)
        {
            tickets = tickets.Where(t => t.LastActivityAt < cursor.LastActivityAt
                || (t.LastActivityAt == cursor.LastActivityAt && t.Id < cursor.Id));
        }

        var rows = await tickets.AsNoTracking()
            .OrderByDescending(t => t.LastActivityAt).ThenByDescending(t => t.Id)
            .Take(size + 1)
            .Select(t => new InboxRow(t.Folio, t.Kind, t.Channel, t.Status, t.Priority, t.Subject,
                t.Subscriber != null ? t.Subscriber.FullName : t.Contact.Name,
                t.Area != null ? t.Area.Name : null, t.LastActivityAt, t.Id, t.DueAt, t.AtRiskAt))
            .ToListAsync(ct);
        var next = rows.Count > size ? new InboxCursor(rows[size - 1].LastActivityAt, rows[size - 1].Id) : null;
        return (rows.Take(size).ToArray(), next);
    }
}
