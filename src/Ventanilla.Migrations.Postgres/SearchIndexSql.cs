namespace Ventanilla.Migrations.Postgres;

/// <summary>
/// The full-text index over <c>tickets.search_text</c>, which EF cannot model, applied by the Initial
/// migration. It folds accents (unaccent before Spanish stemming), so "modem" finds "módem"; the Sqlite migrations
/// have their own twin. Hand-written, unlike the migrations beside it.
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
}
