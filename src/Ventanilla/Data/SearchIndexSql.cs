using Ventanilla.Intake;

namespace Ventanilla.Data;

/// <summary>
/// The full-text indexes over <c>tickets.search_text</c>, which EF cannot model, applied by each
/// database's migrations. Both fold accents, so "modem" finds "módem".
/// </summary>
internal static class SearchIndexSql
{
    // A Spanish configuration that strips accents before stemming. unaccent ships with PostgreSQL
    // (contrib) and is a trusted extension, so the database owner may create it.
    public const string PostgresUp = """
        CREATE EXTENSION IF NOT EXISTS unaccent;
        CREATE TEXT SEARCH CONFIGURATION ventanilla_es (COPY = pg_catalog.spanish);
        ALTER TEXT SEARCH CONFIGURATION ventanilla_es
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, spanish_stem;
        ALTER TABLE tickets ADD COLUMN search_vector tsvector
            GENERATED ALWAYS AS (to_tsvector('ventanilla_es'::regconfig, search_text)) STORED;
        CREATE INDEX ix_tickets_search_vector ON tickets USING GIN (search_vector);
        """;

    public const string PostgresDown = """
        DROP INDEX IF EXISTS ix_tickets_search_vector;
        ALTER TABLE tickets DROP COLUMN IF EXISTS search_vector;
        DROP TEXT SEARCH CONFIGURATION IF EXISTS ventanilla_es;
        """;

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
