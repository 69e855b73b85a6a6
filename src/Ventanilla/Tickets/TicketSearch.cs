using System.Text;
using Microsoft.EntityFrameworkCore;
using Ventanilla.Data;

namespace Ventanilla.Tickets;

/// <summary>
/// Full-text search over a ticket's search text (folio, names, contract, phones, emails, subject,
/// description, messages), Spanish and accent-insensitive on both databases. The indexes live in
/// each database's migrations: PostgreSQL full text with a GIN index, SQLite FTS5.
/// </summary>
public static class TicketSearch
{
    private const int FewMatches = 1000;

    /// <summary>
    /// The tickets matching a search, ready to be sorted and paged. Lists show newest activity
    /// first, and for a common word the database finds the first page fastest by walking that
    /// order; for a rare one that walk would cross the whole table, so when the index finds only
    /// a few matches they are fetched by id instead.
    /// </summary>
    public static async Task<IQueryable<Ticket>> MatchingAsync(VentanillaDbContext db, string query, CancellationToken ct)
    {
        var matches = Matching(db, query);
        if (Folio.TryParse(query, out _))
        {
            // A folio is one indexed lookup already; probing first would only add a query.
            return matches;
        }

        var ids = await matches.Select(t => t.Id).Take(FewMatches + 1).ToListAsync(ct);
        return ids.Count <= FewMatches ? db.Tickets.Where(t => ids.Contains(t.Id)) : matches;
    }

    public static IQueryable<Ticket> Matching(VentanillaDbContext db, string query)
    {
        // PostgreSQL refuses a NUL in a parameter, and stored text has none of what this drops anyway.
        query = Web.Text.Readable(query)!;
        if (Folio.TryParse(query, out var folio))
        {
            var text = folio.Value.ToString();
            return db.Tickets.Where(t => t.Folio == text);
        }

        return db.Kind switch
        {
            DatabaseKind.Postgres => db.Tickets.FromSql(
                $"SELECT * FROM tickets WHERE search_vector @@ websearch_to_tsquery('ventanilla_es', {query})"),
            _ => Fts5Expression(query) is { } expression
                ? db.Tickets.FromSql(
                    $"SELECT * FROM tickets WHERE id IN (SELECT rowid FROM ticket_search WHERE ticket_search MATCH {expression})")
                : db.Tickets.Where(_ => false),
        };
    }

    /// <summary>
    /// Every word of the query as a quoted prefix term of its light stem: FTS5 has no Spanish
    /// stemmer, so "fallas" is searched as <c>"fall"*</c>, which finds "falla" too.
    /// </summary>
    internal static string? Fts5Expression(string query)
    {
        var terms = new List<string>();
        var word = new StringBuilder();
        foreach (var c in query + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
            }
            else if (word.Length > 0)
            {
                terms.Add($"\"{SpanishStems.Of(word.ToString().ToLowerInvariant())}\"*");
                word.Clear();
            }
        }

        return terms.Count == 0 ? null : string.Join(' ', terms);
    }

    /// <summary>
    /// Brings the search text of a subscriber's tickets up to date with their record, so a new name,
    /// contract or phone finds the old folios too. Call before saving the subscriber's change: both
    /// are stored together, or neither. Only when a searchable part changed: loading and saving every
    /// ticket for a plan or consent edit would make the subscriber's save fail whenever one of those
    /// tickets is being edited at the same time.
    /// </summary>
    /// <param name="termsBefore">The subscriber's <see cref="Subscribers.Subscriber.SearchTerms"/> taken before the change.</param>
    public static async Task RefreshForAsync(VentanillaDbContext db, Subscribers.Subscriber subscriber, IReadOnlyList<string> termsBefore,
        CancellationToken ct)
    {
        if (subscriber.SearchTerms().SequenceEqual(termsBefore, StringComparer.Ordinal))
        {
            return;
        }

        var tickets = await db.Tickets.Where(t => t.SubscriberId == subscriber.Id).ToListAsync(ct);
        foreach (var ticket in tickets)
        {
            ticket.RefreshSearchText();
        }
    }
}
