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

    /// <summary>
    /// The triggers again. SQLite cannot add a foreign key to a table, so EF rebuilds the table (a new
    /// one, the rows copied, the old one dropped) and the triggers go with the old one. EF does the
    /// rebuild after every other operation of a migration, so a migration that adds a foreign key to
    /// <c>tickets</c> needs this in the migration after it. The index's rows are untouched
    /// by the copy: their rowids are the ticket ids, which the copy keeps.
    /// </summary>
    public const string SqliteTriggersAgain = """
        DROP TRIGGER IF EXISTS tickets_search_insert;
        DROP TRIGGER IF EXISTS tickets_search_update;
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
