using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ventanilla.Migrations.Sqlite
{
    /// <summary>
    /// T13OutagesAndCompensation added foreign keys to tickets, which SQLite does by rebuilding the
    /// table, after every other operation of that migration: its search triggers went with the old
    /// table. Hand-written, and a migration of its own so that it runs after the rebuild.
    /// </summary>
    public partial class T13SearchTriggersAgain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(SearchIndexSql.SqliteTriggersAgain);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
