namespace Ventanilla.Migrations.Sqlite;

/// <summary>
/// The full-text index over <c>tickets.search_text</c>, which EF cannot model, applied by the Initial
/// migration. It folds accents (FTS5 with remove_diacritics), so "modem" finds "módem"; the Postgres migrations
/// have their own twin. Hand-written, unlike the migrations beside it.
/// </summary>
internal static class SearchIndexSql
{
    // The FTS5 rowid is the ticket id, which never changes, so triggers keep it in step cheaply.
    public const string SqliteUp = """
        CREATE VIRTUAL TABLE ticket_search USING fts5(search_text, tokenize = 'unicode61 remove_diacritics 2');
        CREATE TRIGGER tickets_search_insert AFTER INSERT ON tickets BEGIN
            INSERT INTO ticket_search (rowid, search_text) VALUES (new.id, new.search_text);
        END;
        CREATE TRIGGER tickets_search_update AFTER UPDATE OF search_text ON tickets BEGIN
            UPDATE ticket_search SET search_text = new.search_text WHERE rowid = new.id;
        END;
        """;

    public const string SqliteDown = """
        DROP TRIGGER IF EXISTS tickets_search_update;
        DROP TRIGGER IF EXISTS tickets_search_insert;
        DROP TABLE IF EXISTS ticket_search;
        """;
}
